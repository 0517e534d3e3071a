# modjit: strict
# A function whose loops' length is not known at its first call starts in
# baseline code; once a loop of it turns hot it is promoted, and the running
# call is undone (list changes, queued prints, global rebinds, random draws)
# and run again in the optimised code.  Everything it did before the restart
# must happen exactly once.
import random

hits = [0] * 8
log = []
total = 0


def walk(limit, seen):
    global total
    n = 1
    steps = 0
    while n < limit:
        x = n
        while x != 1:
            x = x // 2 if x % 2 == 0 else 3 * x + 1
            steps += 1
        hits[n % 8] += 1
        seen.append(n % 5)
        if n % 20000 == 0:
            print("at", n, steps)
        total += 1
        n += 1
    return steps


seen = [0]
steps = walk(60000, seen)
print(steps, hits, len(seen), sum(seen), total)


def draws(k, xs):
    s = 0.0
    i = 0
    while i < k:
        s += random.random()
        xs[i % len(xs)] += 1.5
        i += 1
    return s


random.seed(7)
xs = [0.0] * 10
print(round(draws(400000, xs), 6), xs, random.random())


def grow(limit):
    out = []
    v = 0
    while len(out) < limit:
        v = (v * 31 + 7) % 1000003
        out.append(v)
    return out


r = grow(300000)
print(len(r), r[-1], sum(r))
