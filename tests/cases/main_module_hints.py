# The program is the module sys.modules["__main__"] (pickle, doctest and
# typing find its names there), its globals are a script's, and an uncaught
# NameError carries CPython's "Did you mean" hint.
import doctest
import pickle
import sys
import typing


class Point:
    def __init__(self, x: float, y: float) -> None:
        self.x, self.y = x, y


def norm2(p: Point) -> float:
    """
    >>> norm2(Point(3.0, 4.0))
    25.0
    """
    return p.x * p.x + p.y * p.y


limit: int = 3
q = pickle.loads(pickle.dumps(Point(1.5, 2.0)))
print(q.x, q.y, norm2(q), sys.modules["__main__"].__dict__ is globals())
print(doctest.testmod())
print(typing.get_type_hints(norm2), __annotations__)
print(sorted(k for k in globals() if k.startswith("__")), type(__builtins__).__name__, __cached__)
total = limit * 2
print(totl)
