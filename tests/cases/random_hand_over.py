# Compiled draws are undoable: a hand-over puts the generator back as the call
# found it, and CPython's re-run draws the very same numbers.
import random
import sys


def draws_then_overflow(n):
    total = 0
    for _ in range(n):
        total = total * 1000 + random.randint(0, 999)  # past 6 rounds: a big int, on CPython
    return total


def prints_and_draws(n):
    for i in range(n):
        print(i, random.random())
    return 2 ** 62 * n  # leaves 64 bits when n > 1: the prints are not made twice


def empty(a, b):
    return random.randrange(a, b)


def rint(a, b):
    return random.randint(a, b)


def pick(xs):
    return random.choice(xs)


def shuffle_then_overflow(xs, n):
    random.shuffle(xs)  # the caller's list is put back as it was before CPython's re-run
    return xs[0] * 2 ** n


def many_then_overflow(n, big):
    s = 0.0
    for _ in range(n):  # past 624 draws: the generator twists its words, which the undo puts back
        s += random.random()
    return s, big * big * big


def draw():
    return random.random()


random.seed(1)
print(draws_then_overflow(3))
print(draws_then_overflow(10))
print(random.random())
random.seed(2)
print(prints_and_draws(1))
print(prints_and_draws(3))
print(random.random())
try:
    empty(5, 5)
except ValueError as e:
    print("ValueError:", e)
try:
    rint(3, 1)
except ValueError as e:
    print("ValueError:", e)
print(rint(2 ** 63 - 2, 2 ** 63 - 1) - 2 ** 63)
print(rint(-(2 ** 63), 2 ** 63 - 1) < 2 ** 63)
print(pick([3, 1, 4]), pick([2.5]))
try:
    pick([])
except IndexError as e:
    print("IndexError:", e)
print(pick([1, 2.5, 3]), pick([1, 2.5, 3]))  # items of two types: CPython's choice
zs = [1, 2, 3, 4, 5]
print(shuffle_then_overflow(zs, 3), zs)
print(shuffle_then_overflow(zs, 70), zs)
print(many_then_overflow(3000, 5), random.random())
print(many_then_overflow(3000, 2 ** 40), random.random())
print(draw())
random.random = lambda: 0.5  # replaced: compiled callers call the replacement
print(draw(), random.randint(1, 3) in (1, 2, 3))
