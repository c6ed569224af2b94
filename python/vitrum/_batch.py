# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""vitrum.batch: many files into one table, on a local thread pool or a Dask cluster."""

import os
from concurrent.futures import ThreadPoolExecutor

from . import _vitrum

_TECHNIQUES = ("dsc", "indentation")


def _technique_of(format_id):
    for f in _vitrum.formats():
        if f["format"] == format_id:
            return f["technique"]
    raise _vitrum.FormatError(f"unknown reader '{format_id}'")


def _options_for(options, technique):
    """The keyword options for one technique: ``options`` itself, or its entry per technique
    when it is keyed by technique ({"dsc": {...}, "indentation": {...}})."""
    if not options:
        return {}
    if set(options) <= set(_TECHNIQUES):
        return dict(options.get(technique) or {})
    return dict(options)


def file_rows(path, technique=None, options=None):
    """The result rows of one file: one per DSC scan or per indent, or one error row.

    Never raises for a problem of the file: the error becomes the row's ``error`` (type and
    message). This is the task a Dask worker runs: it reads the file itself, so only the path
    and the rows travel.
    """
    path = os.fspath(path)
    head = {"file": path, "technique": technique, "format": None}
    try:
        if technique is not None and technique not in _TECHNIQUES:
            raise _vitrum.InvalidArgument(
                f"technique must be one of {', '.join(_TECHNIQUES)} or None, got {technique!r}")
        dataset = _vitrum.read(path, "")
        head["format"] = dataset.source["format"]
        if technique is None:
            head["technique"] = technique = _technique_of(head["format"])
        opts = _options_for(options, technique)
        if technique == "dsc":
            result = _vitrum.dsc_analyse(dataset, "", opts)
            items = [s.to_dict() for s in result.scans]
        else:
            result = _vitrum.indent_analyse(dataset, "", opts)
            items = [i.to_dict() for i in result.indents]
        rows = [{**head, **item, "error": None} for item in items]
        return rows or [{**head, "error": "Error: no result"}]
    except _vitrum.Error as e:
        return [{**head, "error": f"{type(e).__name__}: {e}"}]
    except (ValueError, OSError, RuntimeError, MemoryError) as e:
        return [{**head, "error": f"{type(e).__name__}: {e}"}]


def batch(paths, technique=None, options=None, client=None, workers=None):
    """Analyse many files into one pandas DataFrame; a failing file becomes a row, never an
    exception that loses the rest.

    :param paths: files (str or os.PathLike).
    :param technique: ``"dsc"``, ``"indentation"`` or None (from each file's reader).
    :param options: keyword options of :func:`vitrum.dsc.analyse` / :func:`vitrum.indent.analyse`,
        or ``{"dsc": {...}, "indentation": {...}}`` when the files are mixed.
    :param client: a ``dask.distributed.Client``: each file is a task on the cluster (retried
        twice if its worker dies); None → a local thread pool (the GIL is released while
        vitrum works, so threads run in parallel).
    :param workers: threads of the local pool (default: every core).
    :returns: DataFrame, one row per DSC scan or indent, in the order of ``paths``: ``file``,
        ``technique``, ``format``, the result keys (SI, unit in the key: tg_onset_K,
        hardness_Pa …) and ``error`` (None, or "ErrorType: message" on a row of its own).
    """
    import pandas as pd

    paths = [os.fspath(p) for p in paths]
    if client is not None:
        futures = client.map(file_rows, paths, technique=technique, options=options,
                             retries=2, pure=False)
        per_file = []
        for path, future in zip(paths, futures):
            try:
                per_file.append(future.result())
            except Exception as e:  # the task itself was lost (e.g. workers kept dying)
                per_file.append([{"file": path, "technique": technique, "format": None,
                                  "error": f"{type(e).__name__}: {e}"}])
    else:
        with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
            per_file = list(pool.map(lambda p: file_rows(p, technique, options), paths))
    rows = [row for rows in per_file for row in rows]
    frame = pd.DataFrame(rows)
    if "error" in frame.columns:  # the error last, after the results
        frame = frame[[c for c in frame.columns if c != "error"] + ["error"]]
    return frame
