# sys.getrecursionlimit / setrecursionlimit as python3 has them, whatever
# modjit adds below the program: the largest limit CPython takes (INT_MAX),
# and the errors of the values it refuses.
import sys

print(sys.getrecursionlimit())
sys.setrecursionlimit(50)
print(sys.getrecursionlimit())
for bad in (0, -3, 2**31, 2.5, "9"):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2**31 - 1)
print(sys.getrecursionlimit())


def f(n):
    return n if n == 0 else f(n - 1) + 1


print(f(5000))
sys.setrecursionlimit(10**9)
print(f(10), sys.getrecursionlimit())
