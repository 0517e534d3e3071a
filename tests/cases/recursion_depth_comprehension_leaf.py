# How deep compiled recursion goes before RecursionError, as python3 counts
# frames: a call of a leaf function (no calls of its own) is a frame, and so
# is a list comprehension, which holds its level while its items call deeper.
# (Generator expressions under sum/any/all count too; their depth can still
# be one off python3's at some limits, so they are not compared here.)
import sys


def leaf(x):
    return x + 1


def chain(n):
    if n == 0:
        return leaf(0)
    return chain(n - 1) + 1


def py_chain(n):
    tag = str(n)  # (a str: this one runs on CPython, calling the compiled leaf)
    if n == 0:
        return leaf(len(tag))
    return py_chain(n - 1) + 1


def size(n):
    if n == 0:
        return 1
    parts = [size(n - 1) for _ in range(1)]
    return 1 + parts[0]


def squares(n):
    return [k * k for k in range(n)]  # no calls: only checked, as CPython pushes its frame


def nest(n):
    if n == 0:
        return len(squares(3))
    return nest(n - 1)


def deepest(f, lo, hi):
    """The largest n for which f(n) returns."""
    while lo < hi:
        mid = (lo + hi + 1) // 2
        try:
            f(mid)
            lo = mid
        except RecursionError:
            hi = mid - 1
    return lo


for _ in range(200):  # (past the first calls, which run modjit's own frames, as python3 has none)
    py_chain(3)
for limit in (120, 400, 1000):
    sys.setrecursionlimit(limit)
    print(limit, [deepest(f, 0, 3000) for f in (chain, py_chain, size, nest)])
