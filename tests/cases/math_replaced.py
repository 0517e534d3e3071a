# A program that replaces a math function or constant gets the replacement in
# code compiled after the change (the unit runs on CPython).
import math


def hyp(a, b):
    return math.sqrt(a * a + b * b)


print(hyp(3.0, 4.0), math.floor(2.5) + 1)
math.sqrt = lambda x: -x
math.pi = 3


def circle(r):
    return math.pi * r * r, math.sqrt(r)


print(circle(2.0), circle(1.5))
for r in range(3):
    print(math.sqrt(float(r)), math.pi * r)
