# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""vitrum: DSC and nanoindentation files to glass-stability numbers.

Every number is SI (K, s, W, J, m, N, Pa) with its unit in the name (``tg_onset_K``,
``hardness_Pa``); the same keys as ``vitrum dsc --format json`` and ``vitrum indent --format
json``. pandas is imported only by the ``to_pandas()`` methods, ``vitrum.cnt.sweep`` and
``vitrum.batch``.

>>> import vitrum
>>> run = vitrum.read("film_RT.txt")                 # a Dataset, channels in SI
>>> result = vitrum.dsc.analyse(run, tg_search_K=(600, 720))
>>> result.scans[0].to_dict()["tg_onset_K"]
"""

import os as _os

from . import _vitrum
from ._vitrum import (
    AnalysisError,
    Curve,
    Dataset,
    Error,
    FormatError,
    InvalidArgument,
    IoError,
    ParseError,
    UnitError,
)
from . import cnt, dsc, indent
from ._batch import batch
from ._frames import install_to_pandas as _install_to_pandas

__version__ = _vitrum.__version__

__all__ = [
    "AnalysisError", "Curve", "Dataset", "Error", "FormatError", "InvalidArgument", "IoError",
    "ParseError", "UnitError", "batch", "cnt", "dsc", "formats", "indent", "read", "report",
]


def read(path, format=None):
    """Read an instrument export into a :class:`Dataset` (channels in SI).

    :param path: the file (str or os.PathLike).
    :param format: a reader id from :func:`formats` (e.g. ``"netzsch-ascii"``); detected from
        the file's content and name when None.
    :returns: ``Dataset`` with ``.curves`` (each with ``.name``, ``.channels`` — a dict of
        read-only numpy arrays in SI: temperature [K], time [s], heat_flow [W or W/kg], depth
        [m], load [N] … — ``.units``, ``.properties`` as ``{key: (SI value, unit)}``),
        ``.metadata`` (header key → text), ``.source`` (path, format, encoding, instrument …)
        and ``.warnings``.
    :raises vitrum.IoError: the file cannot be read.
    :raises vitrum.FormatError: no reader recognises it.
    :raises vitrum.ParseError: a value the reader cannot trust (``.file``, ``.line``,
        ``.column``, ``.sheet`` say where).

    The GIL is released while the file is read.
    """
    return _vitrum.read(path, format or "")


def formats():
    """Every file format vitrum reads: a list of dicts with ``format`` (the reader id),
    ``technique`` (``"dsc"`` or ``"indentation"``), ``extensions`` and ``description``."""
    return _vitrum.formats()


def report(manifest, outdir, threads=0):
    """Write the stability report of a study, as ``vitrum report MANIFEST -o OUTDIR`` does.

    :param manifest: the study manifest (JSON, see share/schemas/manifest.schema.json).
    :param outdir: output folder (created when missing): summary.csv, summary.json,
        summary.provenance.json, figures and index.html.
    :param threads: worker threads; 0 = every core.
    :returns: dict with ``written`` (paths relative to outdir), ``failures`` (input files that
        failed, with the error: the rest of the report is still written), ``problems``
        (figures that could not be drawn) and ``complete`` (bool).
    :raises vitrum.Error: an unreadable or invalid manifest.
    """
    return _vitrum.report(_os.fspath(manifest), _os.fspath(outdir), threads)


_install_to_pandas()
