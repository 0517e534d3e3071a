# A comprehension reading a function variable not bound yet: NameError for a free
# variable, as CPython words it (the comprehension has its own scope); the
# function's own read: UnboundLocalError.
def f(n):
    r = [y for _ in range(n)]
    y = 5
    return r
def g(n):
    if n > 5:
        z = 1
    return sum(z * i for i in range(n))
def h(n):
    if n > 5:
        w = 1
    return w + n
for fn in (f, g, h):
    for arg in (0, 2, 7):
        try:
            print(fn(arg))
        except NameError as e:
            print(type(e).__name__, e)
