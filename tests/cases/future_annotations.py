from __future__ import annotations
# A future import holds for the whole program (statements run one by one),
# and modjit's own future imports do not leak into the program.
x: int = 1


def f(a: List) -> Foo:  # noqa: F821 - never evaluated
    return 1


print(__annotations__, f.__annotations__, f(2))
