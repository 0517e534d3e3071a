# modjit: strict
import math


def trig(x):
    return math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.atan2(x, -1.0), math.hypot(x, 2.0)
def expo(x):
    return math.exp(x), math.log(x), math.log10(x), math.log2(x), math.pow(x, 1.5), math.sqrt(x)
def misc(x):
    return math.floor(x), math.ceil(x), math.fabs(x), math.isnan(x), math.isinf(x), math.copysign(2.0, x), math.gcd(12, 18)
print(trig(0.5), trig(-2.0))
print(expo(2.0), expo(0.1))
print(misc(-2.5), misc(3.0), math.pi, math.e, math.tau, math.inf)
