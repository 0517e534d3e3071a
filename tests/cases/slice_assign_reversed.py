# modjit: strict
# `a[i:j] = reversed(b)` (2-opt's segment reversal): the slice assignment
# takes all the iterator's items before it changes anything, as a reversed
# copy of b gives them, also when b is a itself or a slice of it, with bounds
# wrapped, clamped or crossed; a hand-over after it puts the list back.
import random

random.seed(5)
N = 40
cities = [(random.random(), random.random()) for _ in range(N)]


def dist(a, b):
    return ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5


tour = list(range(N))
for step in range(20000):
    i = random.randint(1, N - 2)
    j = random.randint(i + 1, N - 1)
    a, b = cities[tour[i - 1]], cities[tour[i]]
    c, d = cities[tour[j]], cities[tour[(j + 1) % N]]
    if dist(a, c) + dist(b, d) < dist(a, b) + dist(c, d):
        tour[i:j + 1] = reversed(tour[i:j + 1])
print(tour[:10], sum(tour))


def segments(t, k):
    t[1:k] = reversed(t[1:k])
    t[-2:] = reversed(t[:2])
    t[5:3] = reversed(t)
    return t


print(segments(list(range(8)), 5), segments([1.5, 2.5, 3.5], 9), segments([], 2))


def then_overflow(t, big):
    t[0:3] = reversed(t[0:3])
    return t[0] * big * 4


shared = [1, 2, 3, 4]
print(then_overflow(shared, 2), shared)
print(then_overflow(shared, 2**62), shared)
