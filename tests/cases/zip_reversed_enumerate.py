# modjit: strict
# for loops over reversed(list), zip(lists...) and enumerate(..., start), with
# unpacking targets; lengths are re-read each step as CPython's iterators do.
def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def weighted(a, start):
    s = 0.0
    for i, x in enumerate(a, start):
        s += i * x
    return s


def pairs(ps, ws):
    out = []
    for i, ((x, y), w) in enumerate(zip(ps, ws), start=1):
        out.append((i, x * w, y - w))
    return out


def backwards(a):
    out = []
    for k, x in enumerate(reversed(a)):
        if x < 0:
            break
        out.append(k * x)
    else:
        out.append(-1)
    return out


def shrink(a):
    seen = []
    for x in reversed(a):
        a.pop()
        a.pop()
        seen.append(x)
    return seen, a


def grow(a, b):
    n = 0
    for x, y in zip(a, b):
        a.append(x + y)
        n += 1
    return n, a


def labels(a, big):
    t = 0
    for i, x in enumerate(a, big):  # past 2**63 - 1: CPython's big ints
        t = i + 0 * x
    return t


print(dot([1.5, 2.0, -3.0], [2.0, 0.5]), dot([1, 2, 3], [4, 5, 6]), dot([2], [1][:0]))
print(weighted([1.0, 2.0, 3.0], 0), weighted([0.5] * 4, -2))
print(pairs([(1, 2), (3, 4), (5, 6)], [10, 20]))
print(backwards([1, 2, 3]), backwards([4, -1, 5]), backwards([1][:0]))
print(shrink([1, 2, 3, 4, 5]), grow([1, 2], [10, 20, 30]))
print(labels([7, 8, 9], 2**63 - 2), labels([7], 5))
total = 0
for j, (u, v) in enumerate(zip([3, 1, 4], reversed([1, 5, 9, 2]))):
    total += j * u - v
print(total)
