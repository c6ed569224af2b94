# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""Paths of the tests come from the environment ctest sets (python/tests/CMakeLists.txt)."""

import os
import pathlib

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("VITRUM_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
EXAMPLE_DIR = SOURCE_DIR / "share" / "examples" / "cu50zr50"
SHARED_DIR = pathlib.Path(os.environ.get("VITRUM_SHARED_DIR", SOURCE_DIR.parent / "shared"))
CLI = os.environ.get("VITRUM_CLI", "")


def data_files(folder):
    """Every data file under `folder` (no README, provenance, licence or manifest), sorted."""
    out = []
    for p in sorted(pathlib.Path(folder).rglob("*")):
        if not p.is_file() or p.name.startswith(".") or p.name.startswith("LICENSE"):
            continue
        if p.suffix in (".md", ".json"):
            continue
        out.append(p)
    return out


@pytest.fixture
def film_rt():
    return EXAMPLE_DIR / "dsc" / "film_RT.txt"


@pytest.fixture
def indent_file():
    return EXAMPLE_DIR / "indentation" / "ribbon" / "indent_01.txt"
