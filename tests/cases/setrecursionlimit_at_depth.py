# sys.setrecursionlimit refuses a limit exactly where python3 does (at the depth in
# use or below it), also at top level and with True (1), and sets one just above
# it; getrecursionlimit answers at the limit; a recursion then stops where python3's does.
import sys
for lim in (True, 2, 3, 4):
    try:
        sys.setrecursionlimit(lim)
        r = "set"
    except RecursionError as e:
        r = str(e)
    sys.setrecursionlimit(1000)
    print(lim, r)
def deep(n, lim):
    if n == 0:
        try:
            sys.setrecursionlimit(lim)
            return "set " + str(sys.getrecursionlimit())
        except RecursionError as e:
            return str(e)
    return deep(n - 1, lim)
for lim in (25, 26, 27, 28, 30):
    print(lim, deep(25, lim))
    sys.setrecursionlimit(1000)
def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)
sys.setrecursionlimit(60)
for n in (50, 55, 56, 57, 58, 59):
    try:
        print(n, rec(n))
    except RecursionError as e:
        print(n, "RecursionError", e)
