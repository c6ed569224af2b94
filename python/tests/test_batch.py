# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""vitrum.batch on the local thread pool."""

import shutil

import pandas as pd
import pytest

import vitrum
from vitrum._batch import file_rows
from conftest import EXAMPLE_DIR, data_files


def serial_frame(paths, technique=None, options=None):
    rows = [row for p in paths for row in file_rows(p, technique, options)]
    frame = pd.DataFrame(rows)
    return frame[[c for c in frame.columns if c != "error"] + ["error"]]


def test_the_thread_pool_gives_the_serial_table():
    paths = data_files(EXAMPLE_DIR)
    assert len(paths) == 81  # 7 DSC runs + 4 runs of the rate series + 7 samples × 10 indents
    parallel = vitrum.batch(paths, workers=2)
    pd.testing.assert_frame_equal(parallel, serial_frame(paths))
    assert parallel["error"].isna().all()
    assert (parallel["technique"] == "dsc").sum() == 11
    assert (parallel["technique"] == "indentation").sum() == 70


def test_a_corrupted_file_becomes_an_error_row_and_the_rest_is_kept(tmp_path):
    good = data_files(EXAMPLE_DIR / "dsc")
    bad = tmp_path / "corrupted.txt"
    lines = good[0].read_text(encoding="utf-8").splitlines(keepends=True)
    lines[29] = " 50.026.184;   0.12500;     0.03073; 2.37976\n"
    bad.write_text("".join(lines), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    frame = vitrum.batch([*good, bad, empty], technique="dsc")
    assert len(frame) == len(good) + 2
    errors = frame[frame["error"].notna()]
    assert list(errors["file"]) == [str(bad), str(empty)]
    assert errors["error"].iloc[0].startswith("ParseError: ")
    assert "corrupted.txt:30" in errors["error"].iloc[0]
    assert frame["tg_onset_K"].notna().sum() == len(good)


def test_options_per_technique_reach_each_file():
    paths = [EXAMPLE_DIR / "dsc" / "film_RT.txt",
             EXAMPLE_DIR / "indentation" / "ribbon" / "indent_01.txt"]
    frame = vitrum.batch(paths, options={"indentation": {"sample_poisson_ratio": 0.45},
                                         "dsc": {"crystallisation_baseline": "linear"}})
    direct = vitrum.indent.analyse(paths[1], sample_poisson_ratio=0.45).indents[0].to_dict()
    assert frame["modulus_Pa"].iloc[1] == direct["modulus_Pa"]
    linear = vitrum.dsc.analyse(paths[0], crystallisation_baseline="linear").scans[0].to_dict()
    assert frame["delta_hx1_J_per_kg"].iloc[0] == linear["delta_hx1_J_per_kg"]


def test_a_bad_option_fails_every_row_not_the_call():
    frame = vitrum.batch([EXAMPLE_DIR / "dsc" / "film_RT.txt"], technique="dsc",
                         options={"tg_range": (1, 2)})
    assert frame["error"].iloc[0].startswith("InvalidArgument: ")
