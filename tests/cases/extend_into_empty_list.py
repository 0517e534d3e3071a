# modjit: strict
# extend() into an empty list (a parameter, a local) types its items as the
# extending list's: an item store after it compiled to an internal error.


def f(a, b):
    b.extend(a)
    b[-1] *= 2.0
    return b


def g(n):
    out = []
    out.extend([i * 1.5 for i in range(n)])
    out[0] += 1.0
    return out


print(f([1.5], []), f([1.5, 2.5], []), g(3))
