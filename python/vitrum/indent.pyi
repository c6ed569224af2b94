# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
from typing import Any, Dict, List, Literal, Optional, Union

from . import Dataset, PathLike

class Indent:
    test: str
    @property
    def ok(self) -> bool: ...
    error: str
    area_description: str
    headline_cycle: int
    def to_dict(self) -> Dict[str, Union[float, str, None]]: ...
    def cycles(self) -> List[Dict[str, Union[float, str, None]]]: ...

class IndentResult:
    @property
    def indents(self) -> List[Indent]: ...
    @property
    def summary(self) -> Dict[str, Union[float, str, None]]: ...
    @property
    def settings(self) -> Dict[str, Dict[str, Any]]: ...
    warnings: List[str]
    def to_dict(self) -> List[Dict[str, Union[float, str, None]]]: ...
    def to_pandas(self, cycles: bool = ...) -> Any: ...  # pandas.DataFrame

def analyse(path_or_dataset: Union[PathLike, Dataset], format: Optional[str] = ..., *,
            convention: Optional[Literal["vitrum", "nanosuite", "triboscan", "fischer"]] = ...,
            tip: Optional[str] = ..., area: Optional[str] = ...,
            sample_poisson_ratio: Optional[float] = ...,
            tip_poisson_ratio: Optional[float] = ..., tip_modulus_Pa: Optional[float] = ...,
            epsilon: Optional[float] = ..., beta: Optional[float] = ...,
            unload_fit_lower: Optional[float] = ..., unload_fit_upper: Optional[float] = ...,
            frame_stiffness_N_per_m: Optional[float] = ...,
            drift: Optional[Literal["none", "measured"]] = ...,
            method: Optional[Literal["automatic", "quasi_static", "csm"]] = ...,
            csm_min_depth_m: Optional[float] = ..., csm_max_depth_m: Optional[float] = ...,
            method_file: Optional[str] = ...) -> IndentResult: ...
