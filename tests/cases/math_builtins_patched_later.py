# math and builtins functions replaced after code was compiled against them:
# the compiled code sees the replacements, as CPython code does.
import math, builtins
def d(x):
    return math.sqrt(x)
def area(r):
    return math.pi * r
def h(x):
    return abs(x)
t = 0.0
for i in range(3000):
    t += d(float(i)) + area(i) + h(-i)
print(round(t, 6), d(16.0), area(2), h(-5))
math.sqrt = lambda x: -1.0
math.pi = 3
builtins.abs = lambda x: 0
print(d(16.0), area(2), h(-5))
for i in range(3000):
    t += d(float(i)) + area(i) + h(-i)
print(round(t, 6))
from math import sqrt as root
print(root(4.0))
def f(x):
    return root(x) + abs(x)
abs = builtins.abs
print(f(4.0))
