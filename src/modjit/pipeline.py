"""The compiler pipeline, stage by stage (stub)."""

from __future__ import annotations

import ast
from typing import Any

from modjit.errors import Unsupported


def compile_statement(stmt: ast.stmt, rt: Any, filename: str, interactive: bool) -> Any:
    raise Unsupported("statements are not compiled yet", stmt, filename)
