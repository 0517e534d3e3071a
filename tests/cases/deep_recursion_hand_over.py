# Near python3's recursion limit: a recursion whose int result outgrows 64
# bits hands over to CPython at its levels, and a first call (compiled then)
# comes from a recursion on CPython nearly as deep as the limit allows; both
# run as deep as under python3 (they failed ~20 and ~15 levels short).
import sys


def fact(n):
    return 1 if n == 0 else n * fact(n - 1)


def twice(n):
    if n == 0:
        return 1
    return 2 * twice(n - 1)


def prod(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def walk(n, d):  # runs on CPython (a dict)
    if n == 0:
        return prod(10) + len(d)
    return walk(n - 1, d)


print(fact(993) % 1000003)
print(twice(990) % 1000003)
print(walk(985, {}))
sys.setrecursionlimit(3000)
print(fact(2990) % 1000003)
try:
    print(fact(5000))
except RecursionError as exc:
    print("RecursionError", exc)
