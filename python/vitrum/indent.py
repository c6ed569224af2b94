# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""Nanoindentation: Oliver–Pharr hardness and modulus (ISO 14577), quasi-static or CSM."""

from . import _vitrum

IndentResult = _vitrum.IndentResult
Indent = _vitrum.Indent

__all__ = ["Indent", "IndentResult", "analyse"]


def analyse(path_or_dataset, format=None, **options):
    """Evaluate every indent of a file, as ``vitrum indent`` does (same numbers).

    :param path_or_dataset: a path, or a :class:`vitrum.Dataset` from :func:`vitrum.read`.
    :param format: reader id when a path is given (detected when None).
    :param options: fields of ``vitrum::indent::IndentFileOptions``; each unset one comes from
        the file, then the vendor convention, then vitrum's default (``result.settings``):

        - ``convention``: ``"vitrum"``, ``"nanosuite"``, ``"triboscan"`` or ``"fischer"``
        - ``tip``: ``"berkovich"``, ``"vickers"``, ``"cube-corner"``, ``"sphere:R"``,
          ``"C0,C1,…"`` (nm) or ``"table:FILE"``; or ``area`` (an area function, same form)
        - ``sample_poisson_ratio`` ν [1] (default 0.3, warned), ``tip_poisson_ratio`` ν_i [1],
          ``tip_modulus_Pa`` E_i [Pa]
        - ``epsilon`` ε [1], ``beta`` β [1]
        - ``unload_fit_lower``, ``unload_fit_upper``: unloading fit window as P/P_max [1]
        - ``frame_stiffness_N_per_m``: K_f removed from the data [N/m]
        - ``drift``: ``"none"`` or ``"measured"``
        - ``method``: ``"automatic"``, ``"quasi_static"`` or ``"csm"``
        - ``csm_min_depth_m``, ``csm_max_depth_m``: CSM averaging window [m] (100–200 nm)
        - ``method_file``: a NanoSuite method export with the tip's area terms

    :returns: ``IndentResult`` with ``.indents`` (each: ``to_dict()`` with max_load_N,
        contact_depth_m, stiffness_N_per_m, reduced_modulus_Pa, modulus_Pa, hardness_Pa …,
        ``status``; ``cycles()``; ``ok``; ``error``), ``.summary`` (means and sd in Pa),
        ``.settings``, ``.warnings``, ``to_pandas(cycles=False)``. A failed indent has
        ``ok == False`` and its reason; the others are evaluated.
    :raises vitrum.InvalidArgument: an unknown option or one outside its range.
    :raises vitrum.FormatError: the file holds no indentation curve.

    The GIL is released while the file is read and analysed.
    """
    return _vitrum.indent_analyse(path_or_dataset, format or "", options)
