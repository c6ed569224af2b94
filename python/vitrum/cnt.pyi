# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
from typing import Any, Dict, List, Optional, Sequence, Union

def materials() -> List[Dict[str, Any]]: ...
def sweep(material: str, T: Union[float, Sequence[float], Any],
          driving_force: Optional[str] = ...,
          interfacial_energy: Optional[str] = ...) -> Any: ...  # pandas.DataFrame
