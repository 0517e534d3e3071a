# float ** float as CPython's float_pow: its special cases (zeros, ones, NaN,
# infinities, odd and even integer exponents of negative bases), libm's pow
# (x ** 2 is pow(x, 2.0), not x * x: ~1 float in 1,000 differs in the last bit)
# and the errors, raised in compiled functions and caught on CPython
import math


def power(x, y):
    return x ** y, y


def square(x):
    return x ** 2


def square_float(x):
    return x ** 2.0


def cube(x):
    return x ** 3


def root(x):
    return x ** 0.5


inf, nan = math.inf, math.nan
values = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 1.5, -1.5, 1e-300, 1e300,
          inf, -inf, nan, 5e-324, 2.5, -7.0, 10.0]
for x in values:
    row = []
    for y in values:
        if x < 0 and math.isfinite(y) and y != math.floor(y):
            row.append("complex")  # (a complex number: left to the case below)
            continue
        if x == 0 and y < 0:
            row.append("zerodiv")  # (ZeroDivisionError: below)
            continue
        try:
            r = power(x, y)[0]
            row.append(f"{r!r}/{math.copysign(1.0, r) if r == r else 'nan'}")
        except OverflowError as e:
            row.append(f"OverflowError({e})")
    print(x, " ".join(row))

# the last-bit cases: a seeded walk over many floats
total = 0.0
checks = 0
s = 12345
for i in range(3000):
    s = (s * 1103515245 + 12345) % 2147483648
    x = (s / 2147483648.0 - 0.5) * 2000.0
    total += square(x) + square_float(x) + cube(x) + root(abs(x))
    checks = (checks * 31 + hash(square(x))) % 1000000007
print(repr(total), checks)
print(square(199.88130319101595), square(-199.88130319101595))


def negative_power(x, y):
    return x ** y


for args in [(0.0, -1.0), (-0.0, -3.0), (0.0, -0.5), (1e300, 2.0), (-1e300, 3.0), (1.0000001, 1e10)]:
    try:
        print(negative_power(*args))
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
print(negative_power(-8.0, 1.0 / 3.0))  # a complex number: CPython computes it
print(negative_power(2, -2), negative_power(-2, -3), negative_power(3, 0.5))
