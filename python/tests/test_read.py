# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""vitrum.read, vitrum.formats and the exception hierarchy."""

import sys

import numpy as np
import pytest

import vitrum


def test_read_gives_si_channels_and_provenance(film_rt):
    ds = vitrum.read(film_rt)
    assert ds.source["format"] == "netzsch-ascii"
    assert ds.source["path"] == str(film_rt)
    assert len(ds.curves) == 1
    curve = ds.curves[0]
    t = curve.channels["temperature"]
    assert curve.units["temperature"] == "K"
    # share/examples/cu50zr50/dsc/film_RT.txt: first row 250.00000 °C, last 550 °C, 0.25 K steps
    # (the file's printed values; exact decimal sums in binary to 1e-12 K).
    assert t[0] == pytest.approx(523.15, abs=1e-9)
    assert t[-1] == pytest.approx(823.15, abs=1e-9)
    assert len(t) == curve.rows == 1201
    assert ds.metadata["SAMPLE"] == "film_RT"
    mass, unit = ds.properties["sample_mass"]
    assert unit == "kg" and mass == pytest.approx(2.850e-6, rel=1e-12)


def test_channels_are_read_only_views_that_outlive_the_dataset(film_rt):
    t = vitrum.read(film_rt).curves[0].channels["temperature"]  # Dataset dropped at once
    assert not t.flags.writeable
    with pytest.raises(ValueError):
        t[0] = 0.0
    assert t[0] == pytest.approx(523.15, abs=1e-9)
    assert isinstance(t, np.ndarray) and t.dtype == np.float64


def test_to_pandas_per_curve_and_concatenated(film_rt):
    ds = vitrum.read(film_rt)
    frames = ds.to_pandas()
    assert len(frames) == 1 and len(frames[0]) == 1201
    assert "temperature" in frames[0].columns
    whole = ds.to_pandas(concat=True)
    assert list(whole.columns)[0] == "curve" and set(whole["curve"]) == {"film_RT"}


def test_pandas_is_not_imported_by_import_vitrum():
    import subprocess

    code = "import sys, vitrum; vitrum.read; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_formats_lists_every_reader():
    formats = {f["format"]: f for f in vitrum.formats()}
    assert formats["netzsch-ascii"]["technique"] == "dsc"
    assert formats["nanosuite-xls"]["technique"] == "indentation"
    assert len(formats) >= 20


def test_a_missing_file_is_an_io_error_and_an_os_error(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(vitrum.IoError, match="nope.txt") as info:
        vitrum.read(missing)
    assert isinstance(info.value, OSError) and isinstance(info.value, vitrum.Error)


def test_a_corrupted_number_is_a_parse_error_with_its_line(film_rt, tmp_path):
    lines = film_rt.read_text(encoding="utf-8").splitlines(keepends=True)
    row = 30  # 1-based line of a data row
    lines[row - 1] = " 50.026.184;   0.12500;     0.03073; 2.37976\n"
    bad = tmp_path / "corrupted.txt"
    bad.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(vitrum.ParseError, match="50.026.184") as info:
        vitrum.read(bad)
    e = info.value
    assert isinstance(e, ValueError)
    assert e.file == str(bad) and e.line == row and e.column >= 1
    assert "corrupted.txt:30" in str(e)


def test_an_unknown_format_is_a_format_error(tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x01\x02 not an instrument file \x03" * 10)
    with pytest.raises(vitrum.FormatError):
        vitrum.read(junk)


def test_an_unknown_reader_id_is_refused(film_rt):
    with pytest.raises(vitrum.Error, match="no-such-reader"):
        vitrum.read(film_rt, format="no-such-reader")
