# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
import os
from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, Tuple, Union, overload

import numpy as np
import numpy.typing as npt

from . import cnt as cnt, dsc as dsc, indent as indent

__version__: str
PathLike = Union[str, os.PathLike]

class Error(Exception): ...
class ParseError(Error, ValueError):
    file: str
    sheet: str
    line: int
    column: int
    expected: str
    found: str
class UnitError(Error, ValueError): ...
class InvalidArgument(Error, ValueError): ...
class AnalysisError(Error): ...
class IoError(Error, OSError): ...
class FormatError(Error): ...

class Curve:
    name: str
    @property
    def channels(self) -> Dict[str, npt.NDArray[np.float64]]: ...  # SI, read-only views
    @property
    def units(self) -> Dict[str, str]: ...
    @property
    def original_names(self) -> Dict[str, Tuple[str, str]]: ...
    @property
    def properties(self) -> Dict[str, Tuple[float, str]]: ...  # (SI value, unit)
    text: Dict[str, str]
    @property
    def segments(self) -> List[Dict[str, Any]]: ...
    @property
    def rows(self) -> int: ...

class Dataset:
    @property
    def curves(self) -> List[Curve]: ...
    @property
    def source(self) -> Dict[str, str]: ...  # path, format, encoding, instrument, date, sample
    @property
    def metadata(self) -> Dict[str, str]: ...
    @property
    def properties(self) -> Dict[str, Tuple[float, str]]: ...
    @property
    def program(self) -> List[Dict[str, Any]]: ...
    warnings: List[str]
    @overload
    def to_pandas(self, concat: Literal[False] = ...) -> List[Any]: ...
    @overload
    def to_pandas(self, concat: Literal[True]) -> Any: ...

def read(path: PathLike, format: Optional[str] = ...) -> Dataset: ...
def formats() -> List[Dict[str, str]]: ...
def report(manifest: PathLike, outdir: PathLike, threads: int = ...) -> Dict[str, Any]: ...
def batch(paths: Sequence[PathLike], technique: Optional[Literal["dsc", "indentation"]] = ...,
          options: Optional[Mapping[str, Any]] = ..., client: Any = ...,
          workers: Optional[int] = ...) -> Any: ...  # pandas.DataFrame
