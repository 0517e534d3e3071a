# CPython finds a NaN in a list by identity: `MISSING in xs`, xs.count(MISSING),
# xs.index(MISSING) see the very object stored.  Compiled code boxes new float
# objects, so a NaN going into a list, a global or a list method hands over.
import math

MISSING = float("nan")


def load(n):
    data = []
    for i in range(n):
        data.append(MISSING if i % 4 == 1 else i * 0.5)
    return data


def stats(xs):
    return MISSING in xs, xs.count(MISSING), xs.index(MISSING) if MISSING in xs else -1


def fill(xs, v):
    out = xs[:]
    for i in range(len(out)):
        if math.isnan(out[i]):
            out[i] = v
    return out


def mark(xs, k):
    xs[k] = MISSING
    return xs


def grid(n):
    return [[MISSING] * n for _ in range(2)]


def computed():
    inf = math.inf
    x = inf - inf
    lst = [1.0, x]
    lst.append(x)
    return x in lst, lst.count(x), math.isnan(lst[1])


def remember(x):
    global last
    last = x
    return x * 2


d = load(9)
print(d, stats(d))
print(stats(fill(d, 0.0)), stats(mark(fill(d, 0.0), 3)))
g = grid(3)
print(MISSING in g[0], g[1].count(MISSING), computed())
print(remember(MISSING), last is MISSING, remember(2.5), last)
row = [0.5, MISSING]
row.remove(MISSING)
print(row, [x for x in d if x == x], sum(fill(d, 1.0)))
