# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""vitrum.indent.analyse: per-indent results, summary, options, errors."""

import pytest

import vitrum


def test_analyse_gives_hardness_and_modulus_in_pa(indent_file):
    result = vitrum.indent.analyse(indent_file)
    assert len(result.indents) >= 1
    ind = result.indents[0]
    assert ind.ok and ind.error == ""
    d = ind.to_dict()
    # A metallic glass: H of a few GPa, E of ~100 GPa (the example imitates Cu50Zr50 films).
    assert 1e9 < d["hardness_Pa"] < 2e10 and 3e10 < d["modulus_Pa"] < 3e11
    assert d["status"] == "ok"
    assert result.summary["usable"] == len(result.indents)
    assert len(ind.cycles()) >= 1


def test_options_reach_the_library(indent_file):
    base = vitrum.indent.analyse(indent_file)
    nu0 = base.settings["sample_poisson_ratio"]["value"]
    other = vitrum.indent.analyse(indent_file, sample_poisson_ratio=0.45)
    assert other.settings["sample_poisson_ratio"] == {"value": 0.45, "source": "option"}
    b, d = base.indents[0].to_dict(), other.indents[0].to_dict()
    # ν enters only E = (1 − ν²) / (1/E_r − (1 − ν_i²)/E_i) (Oliver & Pharr 1992, eq. 2): E_r
    # is unchanged and E scales by (1 − 0.45²)/(1 − ν₀²), exact up to rounding (1e-12).
    assert d["reduced_modulus_Pa"] == b["reduced_modulus_Pa"]
    assert d["modulus_Pa"] / b["modulus_Pa"] == pytest.approx((1 - 0.45**2) / (1 - nu0**2),
                                                             rel=1e-12)


def test_to_pandas_per_indent_and_per_cycle(indent_file):
    r = vitrum.indent.analyse(indent_file)
    assert len(r.to_pandas()) == len(r.indents)
    assert len(r.to_pandas(cycles=True)) >= len(r.indents)


def test_a_bad_option_names_its_field(indent_file):
    with pytest.raises(vitrum.InvalidArgument, match="sample_poisson_ratio"):
        vitrum.indent.analyse(indent_file, sample_poisson_ratio=0.7)
    with pytest.raises(vitrum.InvalidArgument, match="tip"):
        vitrum.indent.analyse(indent_file, tip="pyramid-of-giza")
    with pytest.raises(vitrum.InvalidArgument, match="nu"):
        vitrum.indent.analyse(indent_file, nu=0.3)
