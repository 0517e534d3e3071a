# A recursive function whose frames' loops turn it hot mid-recursion: the frame
# that turns it hot restarts in the optimised code (its own appends and prints
# undone and done again), the frames above it finish in baseline code.  Where an
# outer frame of the same call from CPython drew from `random` first, the
# generator's state at the frame's start is not journaled: that frame must not
# restart, and the stream must go on as python3's.
import random

log = []


def rec(n, acc, draw):
    if n == 0:
        return 0
    i = 0
    while i < 30000:
        acc.append(i * n)
        if i % 10000 == 0:
            print("level", n, i)
            if draw:
                print("drew", random.random() < 0.5)
        i += 1
    log.append(n)
    return rec(n - 1, acc, draw) + 1


random.seed(3)
acc = [0]
print(rec(12, acc, False), len(acc), sum(acc), log)
print(rec(12, acc, True), len(acc), sum(acc), log[-3:], random.random())


def outer(k):
    t = 0
    j = 0
    while j < k:
        t += rec(2, acc, True)
        j += 1
    return t


print(outer(6), len(acc), sum(acc), len(log), random.random())


def rec_drawing(n, acc):  # (its first call draws in every frame: no frame may restart)
    if n == 0:
        return 0
    i = 0
    while i < 30000:
        acc.append(i * n)
        if i % 10000 == 0:
            print("level", n, i, random.random() < 0.5)
        i += 1
    return rec_drawing(n - 1, acc) + 1


random.seed(5)
print(rec_drawing(12, acc), len(acc), sum(acc), random.random())
