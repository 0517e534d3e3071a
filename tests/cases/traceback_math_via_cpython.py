# modjit: traceback
# A math function CPython runs, failing inside a compiled function called by
# a compiled statement: both frames, each line marked as python3 marks it.
import math


def f(a):
    return math.factorial(-a)


print(f(1))
