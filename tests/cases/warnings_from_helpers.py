# modjit: traceback
# Helpers calling other modules (warnings, random) stay plain functions: a
# warning's stacklevel=2 names the caller's line, as under python3.
import random
import warnings


def check(x):
    if x < 0:
        warnings.warn("negative value", stacklevel=2)
    return x


def legacy(x):
    warnings.warn("legacy is deprecated", DeprecationWarning, stacklevel=2)
    return x * 2


def roll(n):
    return random.randint(1, n)


def compute(v):
    return check(v) + legacy(v)


warnings.simplefilter("always")
random.seed(7)
print(compute(-3), compute(4), [roll(6) for _ in range(5)])
total = 0
for i in range(300):
    total += roll(10)
print(total, check.__name__, type(roll).__name__)
