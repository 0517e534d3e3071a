# A NaN returned by compiled code is the object CPython holds (found by identity in lists and dicts)
import math


def first(a):
    return a[0]


def pair(a):
    return (a[0], 1)


def biggest(a):
    return max(a[0], 1.0)


def constant():
    return math.nan


def mean(a):
    s = 0.0
    for x in a:
        s += x
    return s / len(a)


a = [float("nan"), 2.0]
print(first(a) in a, pair(a)[0] in a, biggest(a) in a, constant() in [math.nan])
d = {a[0]: "found"}
print(d.get(first(a), "missing"))
for i in range(3):
    z = first(a)
print(z in a, z is a[0])
print(mean([1.0, 2.0]), mean([1.0, math.inf, -math.inf]))
for k in range(2000):
    m = mean([1.0, 2.0, float(k)])
print(m)
