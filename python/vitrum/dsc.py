# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""DSC: glass transition (ISO 11357-2, ASTM E1356), crystallisation and melting (ISO 11357-3)."""

from . import _vitrum

DscResult = _vitrum.DscResult
DscScan = _vitrum.DscScan

__all__ = ["DscResult", "DscScan", "analyse"]


def analyse(path_or_dataset, format=None, **options):
    """Analyse every curve of a DSC file, as ``vitrum dsc`` does (same numbers).

    :param path_or_dataset: a path, or a :class:`vitrum.Dataset` from :func:`vitrum.read`.
    :param format: reader id when a path is given (detected when None).
    :param options: fields of ``vitrum::dsc::DscOptions``; unset ones come from the file, then
        vitrum's defaults (``result.settings`` says which):

        - ``tg_search_K=(lo, hi)``: glass-transition search range [K]
        - ``tx_search_K=(lo, hi)``: crystallisation search range [K]
        - ``tg_baseline_width_K``: width of the Tg baseline windows [K]
        - ``tg_baseline_before_K=(lo, hi)``, ``tg_baseline_after_K=(lo, hi)``: glassy and
          liquid baseline windows [K]
        - ``segment``: 1-based segment to analyse (default: the first heating ≥ 20 K)
        - ``crystallisation_baseline``: ``"sigmoidal"`` (default) or ``"linear"``
        - ``endotherm``: ``"up"`` (ISO 11357-1, default) or ``"down"``
        - ``stated_heating_rate_K_per_s``: rate stated outside the file [K/s]
        - ``rate_tolerance``: relative rate difference that is warned about [1] (0.05)
        - ``melting_required``: a scan without melting endotherm is a problem (False)

    :returns: ``DscResult`` with ``.scans`` (each: ``to_dict()`` with tg_onset_K,
        tg_midpoint_K, delta_cp_J_per_kg_K, tx1_onset_K, delta_hx1_J_per_kg, … [SI];
        ``temperature_K``, ``heat_flow``, ``construction()`` for plots; ``warnings``,
        ``problems``), ``.settings``, ``.warnings`` and ``to_pandas()`` (one row per scan).
    :raises vitrum.InvalidArgument: an unknown option or one outside its range.
    :raises vitrum.FormatError: the file holds no DSC curve.
    :raises vitrum.AnalysisError: a curve without a heating or cooling segment.

    The GIL is released while the file is read and analysed.
    """
    return _vitrum.dsc_analyse(path_or_dataset, format or "", options)
