# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""vitrum.cnt and vitrum.report."""

import json

import numpy as np
import pytest

import vitrum
from conftest import EXAMPLE_DIR


def test_materials_list_the_cu50zr50_sets():
    names = {m["material"] for m in vitrum.cnt.materials()}
    assert {"cu50zr50:combo-a", "cu50zr50:combo-b", "cu50zr50:combo-c"} <= names


def test_sweep_reconstructs_the_seed_papers_critical_size():
    frame = vitrum.cnt.sweep("cu50zr50:combo-a", [700.0, 800.0])
    assert list(frame["temperature_K"]) == [700.0, 800.0]
    # share/materials/cu50zr50.json, combo-a "expected": d* = 2.885 nm at 700 K (its
    # reconstruction of the seed paper's 2.88 nm); 4 significant figures → 5e-4.
    assert frame["critical_diameter_m"][0] == pytest.approx(2.885e-9, rel=5e-4)
    # d* grows as T approaches T_m (ΔG_v falls).
    assert frame["critical_diameter_m"][1] > frame["critical_diameter_m"][0]


def test_sweep_above_melting_has_no_sizes():
    frame = vitrum.cnt.sweep("cu50zr50", np.array([2000.0]))
    assert frame["state"][0] != "nucleating" and np.isnan(frame["critical_diameter_m"][0])


def test_an_unknown_material_is_an_error():
    with pytest.raises(vitrum.Error, match="unobtainium"):
        vitrum.cnt.sweep("unobtainium", 700.0)


def test_report_writes_the_example_study(tmp_path):
    out = vitrum.report(EXAMPLE_DIR / "manifest.json", tmp_path / "report")
    assert out["complete"], out
    assert "summary.csv" in out["written"] and "index.html" in out["written"]
    summary = json.loads((tmp_path / "report" / "summary.json").read_text(encoding="utf-8"))
    assert len(summary["samples"]) == 7


def test_report_of_a_missing_manifest_is_an_error(tmp_path):
    with pytest.raises(vitrum.Error):
        vitrum.report(tmp_path / "missing.json", tmp_path / "out")
