# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""The same numbers as `vitrum dsc --format json` and `vitrum indent --format json` for every
file of the example study and of ../shared (issue 20). Both doors call the library's one entry
point per technique; JSON carries doubles in their shortest round-trip form, so the same
computation gives the same bits and the comparison is exact."""

import json
import subprocess

import pytest

import vitrum
from conftest import CLI, EXAMPLE_DIR, SHARED_DIR, data_files

pytestmark = pytest.mark.skipif(not CLI, reason="VITRUM_CLI (the vitrum executable) not set")


def cli_rows(args, files):
    out = subprocess.run([CLI, *args, "--format", "json", *map(str, files)],
                         capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout) if out.stdout.strip() else None


def by_file(rows):
    grouped = {}
    for row in rows:
        row = dict(row)
        grouped.setdefault(row.pop("file"), []).append(row)
    return grouped


def compare(technique, files):
    assert files
    if technique == "dsc":
        rows = cli_rows(["dsc"], files) or []
    else:
        rows = (cli_rows(["indent"], files) or {}).get("tests", [])
    cli = by_file(rows)
    compared = 0
    for f in files:
        try:
            if technique == "dsc":
                mine = [s.to_dict() for s in vitrum.dsc.analyse(f).scans]
            else:
                mine = [i.to_dict() for i in vitrum.indent.analyse(f).indents]
        except vitrum.Error:
            assert str(f) not in cli, f"the CLI analysed {f}, the module refused it"
            continue
        assert cli.get(str(f)) == mine, f
        compared += 1
    return compared


def test_example_study_dsc():
    assert compare("dsc", data_files(EXAMPLE_DIR / "dsc")) == 7


def test_example_study_indentation():
    files = data_files(EXAMPLE_DIR / "indentation")
    assert compare("indentation", files) == len(files)


@pytest.mark.skipif(not (SHARED_DIR / "dsc-files").is_dir(), reason="../shared absent")
def test_shared_dsc_files():
    # Measured 2026-12-07: 17 of the 18 files analysed by both doors, 1 refused by both.
    assert compare("dsc", data_files(SHARED_DIR / "dsc-files")) >= 17


@pytest.mark.skipif(not (SHARED_DIR / "indentation-files").is_dir(), reason="../shared absent")
def test_shared_indentation_files():
    # Measured 2026-12-07: 11 of the 15 files analysed by both doors, 4 refused by both.
    assert compare("indentation", data_files(SHARED_DIR / "indentation-files")) >= 11
