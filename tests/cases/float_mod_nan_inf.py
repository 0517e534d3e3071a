# Float %, // and divmod of NaN and infinite operands, in code LLVM optimises
# with the operands known (inlined helpers, constants): a NaN must propagate,
# never turn into ZeroDivisionError, a wrong value or a dropped branch.
import math


def wrap(a, p):
    return a % p


def floor_div(a, p):
    return a // p


def both(a, p):
    return divmod(a, p)


def run(xs, p):
    out = []
    for x in xs:
        out.append(wrap(x + float("nan"), p))
        out.append(wrap(x * 0.0, 360.0))
        out.append(floor_div(x * 0.0, p))
        out.append(both(x, p))
    return out


def nans(xs, p):
    out = []
    for x in xs:
        out.append(wrap(x + float("nan"), p))
    return out


def pick(c):
    if c == 0.0:
        return c % float("nan")
    return 5.0


def chain(a, c):
    return (float("nan") // a) // c


def compare(a, b):
    m = a % b
    return m < 1.0, m == m, math.isnan(m)


print(run([1.0, 2.0, math.inf, -math.inf, -0.0], 3.0))
print(run([5.0, -7.5], -2.0))
print(nans([1.0, 2.0], 3.0))
print([pick(x) for x in [0.0, 1.0]])
print([pick(x) for x in range(3)])
print(chain(5.0, 0.5), chain(-1.0, 2.0))
print(compare(math.nan, 3.0), compare(math.inf, 3.0), compare(7.0, math.inf), compare(-7.0, math.inf))
print(math.fmod(7.0, math.inf), math.fmod(-0.0, 3.0), 7.0 % -math.inf, -7.0 // math.inf)
for k in range(300):
    r = wrap(float(k) * math.inf * 0.0, 7.0)
print(r, [wrap(v, 2.5) for v in (1e308, -1e308, 5e-324, -5e-324)])
try:
    print(wrap(1.0, 0.0))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(floor_div(math.nan, 0.0))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
