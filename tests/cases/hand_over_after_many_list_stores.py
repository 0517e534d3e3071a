# Hand-overs after more list stores than the journal holds (2**18): the
# call re-runs on CPython from its start with the lists as they were, so the
# output is CPython's, never an error.

# a top-level loop storing one slot, then an int leaving 64 bits
a = [0]
for i in range(700000):
    a[0] = i * i * i * 40
print(a)

# a function filling a global list, distinct slots, then a big power
g = [0] * 300000


def fill():
    for i in range(300000):
        g[i] = i
    return g[-1] ** 5


print(fill(), g[:3], g[-1])


# one store per call, through many small compiled calls
h = [0]


def step(i):
    h[0] += 1
    return i ** 5 if i == 299999 else i


def main():
    t = 0
    for i in range(300000):
        t += step(i) % 7
    print(t, h)


main()


# coin change counts: the table passed in, ways outgrowing 64 bits late
def count_ways(coins, ways, target):
    for c in coins:
        for s in range(c, target + 1):
            ways[s] += ways[s - c]
    return ways[target]


target = 60000
ways = [0] * (target + 1)
ways[0] = 1
print(count_ways([1, 2, 5, 10, 20, 50, 100, 200], ways, target) % 1000000007, len(ways))


# floats overwritten in place in several lists, then an item of another type
def relax(xs, ys, n, rounds):
    for r in range(rounds):
        for i in range(n):
            xs[i] = xs[i] * 0.5 + 1.0
            ys[i] = ys[i] * 0.25 + xs[i]
    return xs[0] + ys[0] + xs[n]


xs = [0.0] * 100 + ["end"]
ys = [1.0] * 100
try:
    print(relax(xs, ys, 100, 3000))
except TypeError as e:
    print("TypeError:", e, xs[:2], ys[:2])
