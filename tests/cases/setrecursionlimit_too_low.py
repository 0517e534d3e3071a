# sys.setrecursionlimit below the depth in use: CPython's RecursionError, in the
# program's numbers (the limit it asked for, its own depth), from plain and
# compiled frames.
import sys


def set_low(limit):
    try:
        sys.setrecursionlimit(limit)
    except RecursionError as e:
        print(e)
    return 0


def down(n):
    if n == 0:
        return set_low(20)
    return down(n - 1) + 1


def compiled_down(n):
    if n == 0:
        return set_low(25)
    return compiled_down(n - 1) + 1


print(down(30))
print(compiled_down(40))
print(sys.getrecursionlimit())
sys.setrecursionlimit(80)
print(sys.getrecursionlimit())
set_low(3)
