# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""Classical nucleation theory: critical nucleus, barrier and rates versus temperature."""

import numpy as _np

from . import _vitrum

__all__ = ["materials", "sweep"]


def materials():
    """Every material parameter set (share/materials/*.json): a list of dicts with
    ``material`` (``"id:set"``, what :func:`sweep` takes), ``id``, ``set``, ``default``,
    ``name``, ``crystal``, ``description`` and ``file``."""
    return _vitrum.cnt_materials()


def sweep(material, T, driving_force=None, interfacial_energy=None):
    """CNT at each temperature, as ``vitrum cnt --material M --T …`` computes it.

    :param material: ``"id"`` or ``"id:set"`` (see :func:`materials`), e.g.
        ``"cu50zr50:combo-a"``.
    :param T: temperatures [K]: a number or an array-like.
    :param driving_force: override of the set's ΔG model: ``"turnbull"``,
        ``"thompson-spaepen"``, ``"hoffman"``, ``"dcp"`` or ``"table:FILE"`` (as ``--dg``).
    :param interfacial_energy: override of the set's γ: ``"fixed:J_PER_M2"``,
        ``"turnbull:ALPHA"``, ``"spaepen:ALPHA"``, ``"spaepen-T:ALPHA"``, ``"linear:A,B"``
        (as ``--gamma``).
    :returns: pandas DataFrame, one row per temperature: temperature_K, state,
        driving_force_J_per_mol, driving_force_J_per_m3, gamma_J_per_m2, critical_radius_m,
        critical_diameter_m, critical_atoms, barrier_J, barrier_over_kT, zeldovich,
        viscosity_Pa_s, diffusivity_m2_per_s, attachment_rate_per_s,
        nucleation_rate_per_m3_s, growth_rate_m_per_s (sizes NaN where T ≥ T_m; kinetics NaN
        without a mobility model).
    :raises vitrum.IoError: unknown material; :raises vitrum.InvalidArgument: a bad model or T.
    """
    import pandas as pd

    temperatures = _np.atleast_1d(_np.asarray(T, dtype=float)).tolist()
    columns = _vitrum.cnt_sweep(material, temperatures, driving_force or "",
                                interfacial_energy or "")
    return pd.DataFrame(columns)
