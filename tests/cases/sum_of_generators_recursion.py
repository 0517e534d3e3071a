# A recursion through sum() / max() / min() of a generator expression: CPython
# counts the generator's frame (and max's and min's call, not sum's) against
# the recursion limit, and so must the compiled loop (RecursionError at
# python3's depth).
import sys


def depth(n):
    return 0 if n == 0 else 1 + sum(depth(n - 1) for _ in range(1))


def tallest(n):
    return 0 if n == 0 else 1 + max(tallest(n - 1) for _ in range(1))


def lowest(n):
    return 0 if n == 0 else 1 + min(lowest(n - 1) for _ in range(1))


def size(t, kids):
    return 1 + sum(size(c, kids) for c in kids[t])


for fn in (depth, tallest, lowest):
    for limit in (60, 100, 1000):
        sys.setrecursionlimit(limit)
        reached = 0
        for n in range(1, 600):
            try:
                fn(n)
                reached = n
            except RecursionError:
                break
        sys.setrecursionlimit(1000)
        print(fn.__name__, limit, reached)
chain = [[i + 1] for i in range(400)] + [[]]
try:
    print(size(0, chain))
except RecursionError as e:
    print("RecursionError", e)
print(size(0, chain[:150] + [[]]))
