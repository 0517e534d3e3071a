# modjit: strict
# sum() of a generator expression adds its items as they come, from the int
# 0 as CPython's sum does: ints, floats, bools, ints then floats (an int total
# until the first float), nothing at all (the int 0), -0.0, nested loops with
# conditions, a total leaving 64 bits (CPython re-runs the call), recursion
# through the generator (sum_of_generators_recursion.py: its depth).


def variance(xs, m):
    return sum((x - m) * (x - m) for x in xs) / len(xs)


def positives(xs):
    return sum(x > 0 for x in xs)


def mixed(xs):
    return sum(x if i % 2 else i for i, x in enumerate(xs))


def pairs(n):
    return sum(i * j for i in range(n) for j in range(i) if (i + j) % 3)


def big_ones(xs, k):
    return sum(x * k for x in xs if x > 100)


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


kids = [[1, 2], [3], [], [4], []]


def size(t):
    return 1 + sum(size(c) for c in kids[t])


xs = [float(i % 17) - 8.0 for i in range(2000)]
m = sum(xs) / len(xs)
print(variance(xs, m), positives(xs), mixed(xs[:11]), mixed([1, 2, 3]), pairs(60))
print(big_ones(xs, 2.0), big_ones([101, 102], 3), big_ones([1], 2.5), dot([1.5, 2.0], [4, 0.25]))
print(big_ones([10**12, 10**12 + 1], 10**7), dot([2**62, 2**62], [1, 1]))
print(sum(x for x in [0.1] * 10), sum(y for y in [-0.0]), sum(z * 1 for z in [-0.0, -0.0]))
print(size(0), sum(i * i for i in range(1000)), sum(t / 3 for t in range(7)))
total = 0
for r in range(50):
    total += sum(v * r for v in range(r) if v % 2)
print(total)
