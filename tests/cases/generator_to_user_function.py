# A generator expression passed to a function the program names sum, any,
# max, ... (its own, or one it rebound the name to) is a generator, not the
# loop compiled for the builtin of that name: the function runs on CPython.
import builtins


def sum(it):
    return len(list(it))


def f(xs):
    return sum(x * 2 for x in xs)


def any(it):
    return next(it)


def g(xs):
    return any(x > 1 for x in xs)


print(f([5, 6, 7]), g([0, 5]))


def h(xs):
    return max(x - 1 for x in xs), min(x * 2 for x in xs)


print(h([4, 9]))
max = builtins.min
print(h([4, 9]))
del max
print(h([4, 9]))
