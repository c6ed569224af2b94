# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""vitrum.dsc.analyse: results, options, construction lines, errors."""

import math

import numpy as np
import pytest

import vitrum


def test_analyse_gives_tg_and_tx_in_si(film_rt):
    result = vitrum.dsc.analyse(film_rt)
    assert len(result.scans) == 1
    scan = result.scans[0]
    d = scan.to_dict()
    # Invariants of a glass scan (ISO 11357-2/-3): onset < midpoint < end < Tx onset < Tx peak.
    assert d["tg_onset_K"] < d["tg_midpoint_K"] < d["tg_end_K"] < d["tx1_onset_K"] < d["tx1_peak_K"]
    assert d["delta_hx1_J_per_kg"] > 0
    assert d["curve"] == "film_RT" and d["segment"] == 1
    assert scan.heating_rate_K_per_s == pytest.approx(10 / 60, rel=1e-3)  # 10 K/min programme
    assert not scan.cooling and scan.measured


def test_a_dataset_and_its_path_give_the_same_numbers(film_rt):
    from_path = vitrum.dsc.analyse(film_rt).scans[0].to_dict()
    from_dataset = vitrum.dsc.analyse(vitrum.read(film_rt)).scans[0].to_dict()
    assert from_path == from_dataset


def test_options_reach_the_library(film_rt):
    free = vitrum.dsc.analyse(film_rt).scans[0].to_dict()
    linear = vitrum.dsc.analyse(film_rt, crystallisation_baseline="linear")
    assert linear.settings["crystallisation_baseline"]["source"] == "option"
    assert linear.scans[0].to_dict()["delta_hx1_J_per_kg"] != free["delta_hx1_J_per_kg"]
    lo, hi = 650.0, 705.0  # around the step (onset 677.8 K on the whole scan), below Tx
    narrowed = vitrum.dsc.analyse(film_rt, tg_search_K=(lo, hi))
    assert narrowed.settings["tg_search_K"]["source"] == "option"
    assert lo < narrowed.scans[0].to_dict()["tg_onset_K"] < hi
    # A window holding no step gives no Tg and says why (never a guess).
    empty = vitrum.dsc.analyse(film_rt, tg_search_K=(530, 600)).scans[0]
    assert empty.to_dict()["tg_onset_K"] is None
    assert any("no glass-transition step between 530 and 600 K" in p for p in empty.problems)


def test_construction_lines_lie_on_the_results(film_rt):
    scan = vitrum.dsc.analyse(film_rt).scans[0]
    c = scan.construction()
    names = [line["name"] for line in c["lines"]]
    assert "Tg tangent" in names and "Tg glassy baseline" in names
    markers = {m["name"]: m["temperature_K"] for m in c["markers"]}
    d = scan.to_dict()
    assert markers["Tg onset"] == d["tg_onset_K"] and markers["Tx1 onset"] == d["tx1_onset_K"]
    # The tangent and the glassy baseline cross at the extrapolated onset (their construction).
    lines = {line["name"]: line for line in c["lines"]}

    def at(line, T):
        x, y = line["temperature_K"], line["heat_flow"]
        return y[0] + (y[1] - y[0]) * (T - x[0]) / (x[1] - x[0])

    T = d["tg_onset_K"]
    tangent, glassy = at(lines["Tg tangent"], T), at(lines["Tg glassy baseline"], T)
    assert tangent == pytest.approx(glassy, rel=1e-9, abs=1e-9 * abs(scan.heat_flow).max())
    assert len(scan.temperature_K) == len(scan.heat_flow) > 100
    assert c["heat_flow_unit"] == "W/kg"


def test_to_pandas_has_one_row_per_scan(film_rt):
    frame = vitrum.dsc.analyse(film_rt).to_pandas()
    assert len(frame) == 1 and "tg_onset_K" in frame.columns


def test_an_unknown_option_is_named():
    with pytest.raises(vitrum.InvalidArgument, match="tg_range") as info:
        vitrum.dsc.analyse("whatever.txt", tg_range=(600, 700))
    assert isinstance(info.value, ValueError)
    assert "tg_search_K" in str(info.value)  # the allowed names are listed


def test_an_invalid_window_is_refused_with_the_field(film_rt):
    with pytest.raises(vitrum.InvalidArgument, match="tg_search_K"):
        vitrum.dsc.analyse(film_rt, tg_search_K=(700, 600))
    with pytest.raises(vitrum.InvalidArgument, match="tg_search_K"):
        vitrum.dsc.analyse(film_rt, tg_search_K="600:700")
    with pytest.raises(vitrum.InvalidArgument, match="segment"):
        vitrum.dsc.analyse(film_rt, segment=0)


def test_an_indentation_file_is_not_a_dsc_file(indent_file):
    with pytest.raises(vitrum.Error):
        vitrum.dsc.analyse(indent_file)
