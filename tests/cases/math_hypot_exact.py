# modjit: strict
# math.hypot gives CPython's correctly rounded results (libm's hypot differs in
# the last digit for some pairs), with two or more arguments.
import math


def h(x, y):
    return math.hypot(x, y)


def h3(x, y, z):
    return math.hypot(x, y, z)


def total(n):
    t = 0.0
    for i in range(n):
        t += h(i * 0.37 - 200.1, i * 1.91 + 0.3) + h3(i, -0.5 * i, 1e-3 * i)
    return t


print(repr(total(3000)))
print(h(-209.62347442802525, 415.2948096210039), h3(1.5, 2.5, 3.5), h(3, 4))
print(h(float("inf"), float("nan")), h(0.0, -0.0), h(1e308, 1e308))
