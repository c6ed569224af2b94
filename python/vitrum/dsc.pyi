# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
from typing import Any, Dict, List, Literal, Optional, Tuple, Union

import numpy as np
import numpy.typing as npt

from . import Dataset, PathLike

class DscScan:
    curve: str
    segment: int
    segment_label: str
    cooling: bool
    @property
    def heating_rate_K_per_s(self) -> float: ...
    @property
    def temperature_K(self) -> npt.NDArray[np.float64]: ...
    @property
    def time_s(self) -> npt.NDArray[np.float64]: ...
    @property
    def heat_flow(self) -> npt.NDArray[np.float64]: ...  # W/kg when per_mass, else W
    @property
    def per_mass(self) -> bool: ...
    @property
    def endotherm(self) -> str: ...
    warnings: List[str]
    @property
    def problems(self) -> List[str]: ...
    @property
    def measured(self) -> bool: ...
    def to_dict(self) -> Dict[str, Union[float, str, None]]: ...
    def construction(self) -> Dict[str, Any]: ...

class DscResult:
    @property
    def scans(self) -> List[DscScan]: ...
    @property
    def settings(self) -> Dict[str, Dict[str, Any]]: ...
    warnings: List[str]
    def to_dict(self) -> List[Dict[str, Union[float, str, None]]]: ...
    def to_pandas(self) -> Any: ...  # pandas.DataFrame

def analyse(path_or_dataset: Union[PathLike, Dataset], format: Optional[str] = ..., *,
            tg_search_K: Optional[Tuple[float, float]] = ...,
            tx_search_K: Optional[Tuple[float, float]] = ...,
            tg_baseline_width_K: Optional[float] = ...,
            tg_baseline_before_K: Optional[Tuple[float, float]] = ...,
            tg_baseline_after_K: Optional[Tuple[float, float]] = ...,
            segment: Optional[int] = ...,
            crystallisation_baseline: Optional[Literal["linear", "sigmoidal"]] = ...,
            endotherm: Optional[Literal["up", "down"]] = ...,
            stated_heating_rate_K_per_s: Optional[float] = ...,
            rate_tolerance: Optional[float] = ...,
            melting_required: Optional[bool] = ...) -> DscResult: ...
