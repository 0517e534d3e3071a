# Recursion as deep as CPython allows: modjit's own frames under the program
# must not make it fail sooner, and the program sees the limit it set.
import sys


def walk(n):
    return 0 if n == 0 else 1 + walk(n - 1)


def probe(n):
    try:
        return probe(n + 1)
    except RecursionError:
        return n


def count(items, i):
    if i == len(items):
        return 0
    return items[i] + count(items, i + 1)


def depth_of(tree, key):  # dicts and strs: runs on CPython
    if key not in tree:
        return 0
    return 1 + depth_of(tree, tree[key])


print(walk(990), sys.getrecursionlimit())
print(count(list(range(985)), 0))
print(probe(0) >= 990)
chain = {str(i): str(i + 1) for i in range(993)}
print(depth_of(chain, "0"))
sys.setrecursionlimit(400)
print(sys.getrecursionlimit(), walk(390), probe(0) >= 390)
for bad in (0, -5, 2.5):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
