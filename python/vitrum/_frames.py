# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""to_pandas() of the compiled result types; pandas is imported only when one is called."""

from . import _vitrum


def _pandas():
    import pandas  # deferred: `import vitrum` must not pay for pandas

    return pandas


def _dataset_to_pandas(self, concat=False):
    """The curves as pandas DataFrames, one column per channel (SI; units in ``.units``).

    :param concat: False → a list with one DataFrame per curve; True → one DataFrame with a
        ``curve`` column (the curve's name) in front.
    """
    pd = _pandas()
    frames = []
    for curve in self.curves:
        frame = pd.DataFrame({name: values for name, values in curve.channels.items()})
        frame.attrs["units"] = dict(curve.units)
        frame.attrs["curve"] = curve.name
        frames.append(frame)
    if not concat:
        return frames
    for curve, frame in zip(self.curves, frames):
        frame.insert(0, "curve", curve.name)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _dsc_to_pandas(self):
    """One row per analysed scan, columns as ``DscScan.to_dict()`` (SI, unit in the key)."""
    return _pandas().DataFrame([scan.to_dict() for scan in self.scans])


def _indent_to_pandas(self, cycles=False):
    """One row per indent (``Indent.to_dict()``), or with ``cycles=True`` one row per cycle
    (``Indent.cycles()``); SI, unit in the key."""
    rows = []
    for ind in self.indents:
        rows.extend(ind.cycles() if cycles else [ind.to_dict()])
    return _pandas().DataFrame(rows)


def install_to_pandas():
    _vitrum.Dataset.to_pandas = _dataset_to_pandas
    _vitrum.DscResult.to_pandas = _dsc_to_pandas
    _vitrum.IndentResult.to_pandas = _indent_to_pandas
    # A scan or an indent as a dict is what rows are made of; DscResult.to_dict for symmetry.
    _vitrum.DscResult.to_dict = lambda self: [s.to_dict() for s in self.scans]
    _vitrum.IndentResult.to_dict = lambda self: [i.to_dict() for i in self.indents]
