# A program that rebinds a builtin in the builtins module gets its own
# function in code compiled afterwards (that code runs on CPython).
import builtins


def f(x):
    return abs(x) + max(x, 2) + round(x / 3)


print(f(-5), f(7))
builtins.abs = lambda x: -1
builtins.max = lambda *a: 100


def g(x):
    return abs(x) + max(x, 2)


print(g(-5), g(7.5))
