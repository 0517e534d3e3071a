"""List literals of constants, built at run time from their values (a template).

`[1, 2, 3, ...]` is copied from a tuple of its values (PySequence_List), as
CPython builds it from its code's constant tuple; `[[1, 2], [3, 4], ...]`, a
list of such lists, is rebuilt by `build`, fresh lists all the way down.
"""

from __future__ import annotations

from typing import Any


class ListTemplate(tuple):  # type: ignore[type-arg]
    """The values of a list literal (its nested list literals as templates)."""

    __slots__ = ()


def build(template: ListTemplate) -> list[Any]:
    return [build(x) if type(x) is ListTemplate else x for x in template]
