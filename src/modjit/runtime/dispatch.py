"""JitFunction: compiles a specialization per argument types (stub)."""

from __future__ import annotations

import functools
from typing import Any


class JitFunction:
    def __init__(self, fn: Any, rt: Any) -> None:
        self.fn = fn
        self.rt = rt
        functools.update_wrapper(self, fn)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.fn(*args, **kwargs)
