# A recursion through sum() of a generator expression: CPython counts the
# generator's frame and sum's call against the recursion limit, and so must
# the compiled loop that adds the items (RecursionError at python3's depth).
import sys


def depth(n):
    return 0 if n == 0 else 1 + sum(depth(n - 1) for _ in range(1))


def size(t, kids):
    return 1 + sum(size(c, kids) for c in kids[t])


for limit in (60, 100, 1000):
    sys.setrecursionlimit(limit)
    reached = 0
    for n in range(1, 600):
        try:
            depth(n)
            reached = n
        except RecursionError:
            break
    sys.setrecursionlimit(1000)
    print(limit, reached)
chain = [[i + 1] for i in range(400)] + [[]]
try:
    print(size(0, chain))
except RecursionError as e:
    print("RecursionError", e)
print(size(0, chain[:150] + [[]]))
