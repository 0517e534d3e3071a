# RecursionError comes at python3's depth exactly, whichever way a recursion
# starts (a compiled statement, CPython code calling a function first or
# again, a recursion the compiler cannot type) and at any limit.
import sys

def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


def a(n):
    return n if n == 0 else b(n - 1) + 1


def b(n):
    return n if n == 0 else a(n - 1) + 1


def deepest_ok(fn, lo, hi):
    for n in range(lo, hi):
        try:
            fn(n)
        except RecursionError:
            return n - 1
    return hi


for limit in (50, 100, 1000, 3000):
    sys.setrecursionlimit(limit)
    print(limit, deepest_ok(down, limit - 8, limit + 2), deepest_ok(a, limit - 8, limit + 2))
    d = 0
    try:
        print(down(limit - 3))
    except RecursionError:
        print("down", limit - 3, "RecursionError")
    try:
        print(down(limit - 2))
    except RecursionError:
        print("down", limit - 2, "RecursionError")


depth = 0


def dive():
    global depth
    depth += 1
    dive()


try:
    dive()
except RecursionError:
    pass
print("dive", depth)

deepest = 0


def probe(n):  # no base case: its return type cannot be inferred, it runs on CPython
    global deepest
    deepest = n
    return probe(n + 1) + 1


try:
    probe(0)
except RecursionError:
    print("probe", deepest)

box = [0]


def probe_list(n, b):  # the same with a list: its argument types decide, not its values
    b[0] = n
    return probe_list(n + 1, b) + 1


try:
    probe_list(0, box)
except RecursionError:
    print("probe_list", box[0])

deep_a = 0


def ping(n):  # mutual recursion with no base case: neither compiles, neither calls itself
    global deep_a
    deep_a = n
    return pong(n + 1)


def pong(n):
    return ping(n + 1) * 2


try:
    ping(0)
except RecursionError:
    print("ping", deep_a)
