# modjit: strict
# random.random/randint/randrange/uniform compiled: the same Mersenne Twister
# state as CPython's (runtime/rng.py), draws interleaved with CPython's own.
import random


def pi(n):
    hits = 0
    for _ in range(n):
        x = random.random()
        y = random.random()
        if x * x + y * y <= 1.0:
            hits += 1
    return 4.0 * hits / n


def dice(n, sides):
    counts = [0] * (sides + 1)
    for _ in range(n):
        counts[random.randint(1, sides)] += 1
    return counts


def walk(n):
    x = 0
    for _ in range(n):
        x += random.randrange(-1, 2)
    return x


def mixed(n):
    t = 0.0
    for i in range(n):
        t += random.uniform(-1.5, 2.5) + random.uniform(i, i + 3) + random.uniform(True, 0.25)
        t += random.randrange(1 << 40) % 7 + random.randrange(3, 2 ** 62) % 5 + random.randrange(1)
    return t


random.seed(12345)
print(pi(100000))
print(dice(6000, 6))
print(walk(10000))
print(random.random(), random.randint(-5, 5))
print(mixed(1000))
random.seed(7)
print(pi(1000), random.getrandbits(20))
s = 0
for k in range(1, 200):
    s += random.randrange(k) + random.randint(k, 2 * k)
print(s, random.random())

from random import randint as ri  # noqa: E402
from random import random as rnd  # noqa: E402


def alias(n):
    s = 0.0
    for _ in range(n):
        s += rnd() * ri(0, 3)
    return s


print(alias(500))


def walk2d(n, moves, weights):
    x = y = 0
    total = 0.0
    for _ in range(n):
        dx, dy = random.choice(moves)
        x += dx
        y += dy
        total += random.choice(weights)
    return x, y, total, random.choice([True, False])


print(walk2d(5000, [(0, 1), (1, 0), (0, -1), (-1, 0)], [0.5, 1.5, -2.25]))


def deal(rounds):
    deck = list(range(52))
    best = 0
    for _ in range(rounds):
        random.shuffle(deck)
        hand = deck[:5]
        best = max(best, sum(hand))
    return best, deck[:5], len(deck)


def shuffled_floats(xs, k):
    for _ in range(k):
        random.shuffle(xs)
    return xs[0] + 2 * xs[-1]


print(deal(300))
ys = [0.5, 1.25, -3.0, 8.0]
print(shuffled_floats(ys, 7), ys)
one = [4]
random.shuffle(one)
print(one, shuffled_floats([2.0], 2))
state = random.getstate()
a = pi(2000)
random.setstate(state)
print(a == pi(2000))
