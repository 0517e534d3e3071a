import math


def f(x):
    return math.sqrt(x) + math.log(x) + math.log10(x) + math.asin(min(x, 1.0))
print(f(0.5))
for v in (-1.0, 0.0, 4.0):
    try:
        print(f(v))
    except ValueError as e:
        print("ValueError", e)
def g(x):
    return math.exp(x)
print(g(1.0))
try:
    g(1000.0)
except OverflowError as e:
    print("OverflowError", e)
print(math.sqrt(float("nan")), math.fabs(-0.0), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
math.sqrt(-4.0)
