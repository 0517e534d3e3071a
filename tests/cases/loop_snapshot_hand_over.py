# modjit: strict
# A loop storing often into a list others see copies it once into the journal
# and stores into it unrecorded from then on (frontend/snapshots.py).  A
# hand-over after that must still give CPython's re-run the list exactly as
# the call found it: floats overwritten in place, ints, bools, tuples, items
# moved from another list, two names for one list, rows bound per iteration.
# (Lists longer than the stores recorded before the copy, so items changed
# only after it are among those put back.)


def floats_then_overflow(xs, steps, big):
    for s in range(steps):
        for i in range(len(xs)):
            xs[i] = xs[i] * 1.5 + 1.0
    return big * big  # an int leaving 64 bits: CPython re-runs the call


xs = [0.5, 1.5, -2.0, 4.25, 0.0] * 6
keep = xs[2]
print(floats_then_overflow(xs, 40, 2**40), xs, keep is xs[2])
print(floats_then_overflow(xs, 40, 3), xs)


def ints_then_overflow(a, steps, x):
    for s in range(steps):
        for i in range(len(a)):
            a[i] += i + s
        x = x * 3  # leaves 64 bits after ~40 rounds
    return x


a = list(range(24))
print(ints_then_overflow(a, 30, 1), a)
print(ints_then_overflow(a, 60, 1), a)


def flags_then_overflow(flags, steps, x):
    for s in range(steps):
        for i in range(len(flags)):
            flags[i] = not flags[i]
        x *= 5
    return x


fl = [True, False, True, True] * 5
print(flags_then_overflow(fl, 25, 1), fl)
print(flags_then_overflow(fl, 31, 1), fl)


def tuples_then_overflow(ps, steps, x):
    for s in range(steps):
        for i in range(len(ps)):
            px, py = ps[i]
            ps[i] = (px + 1.0, py * 0.5)
        x *= 7
    return x


ps = [(0.0, 1.0), (2.0, 3.0), (4.5, -1.0)] * 7
print(tuples_then_overflow(ps, 20, 1), ps)
print(tuples_then_overflow(ps, 30, 1), ps)


def moves_then_overflow(dst, src, steps, x):
    for s in range(steps):
        for i in range(len(dst)):
            dst[i] = src[(i + s) % len(src)]
        x *= 11
    return x


d, s_ = [0] * 26, [10, 20, 30, 40]
print(moves_then_overflow(d, s_, 12, 1), d)
print(moves_then_overflow(d, s_, 25, 1), d)


def aliased_then_overflow(p, q, steps, x):
    for s in range(steps):
        for i in range(len(p)):
            p[i] = p[i] + 1.0
            q[i] = q[i] * 2.0
        x *= 13
    return x


same = [1.0, 2.0, 3.0] * 8
print(aliased_then_overflow(same, same, 10, 1), same)
print(aliased_then_overflow(same, same, 20, 1), same)


def rows_then_overflow(grid, steps, x):
    for s in range(steps):
        for r in range(len(grid)):
            row = grid[r]
            for c in range(len(row)):
                row[c] = row[c] + r * 0.25 + c
        x *= 17
    return x


g = [[0.0] * 14 for _ in range(3)]
print(rows_then_overflow(g, 10, 1), g)
print(rows_then_overflow(g, 16, 1), g)


def stray_item(xs, steps):
    for s in range(steps):
        for i in range(len(xs)):
            xs[i] = xs[i] + 1.0  # a str item hands over at its read
    return xs


mixed = [1.0] * 50 + ["x"]
try:
    stray_item(mixed, 3)
except TypeError as e:
    print("TypeError", e, mixed[:3], mixed[-1])


def raises_after(xs, n):
    for i in range(n):
        xs[i] = xs[i] * 2.0  # IndexError past the end: the stores before it stay
    return 0


ys = [1.0] * 40
try:
    raises_after(ys, 41)
except IndexError as e:
    print("IndexError", e, ys[0], ys[39])


def big_list_few_stores(big, k, x):
    for i in range(k):
        big[i * 1000] = -i
    for _ in range(70):
        x *= 3
    return x


big = list(range(100000))
print(big_list_few_stores(big, 50, 1), big[:3], big[1000], big[49000], sum(big))


def store_then_call(a, steps):
    for s in range(steps):
        for i in range(len(a)):
            a[i] = a[i] + 1
        bump(a, s)
    return a[0]


def bump(a, s):
    a[0] = a[0] * 2 + s  # overflows in a callee after the caller's copy
    return a[0]


aa = [1] * 30
print(store_then_call(aa, 30), aa[:3])
print(store_then_call(aa, 70), aa[:3])


def rebinds_then_overflow(a, b, steps, x):
    cur = a
    for s in range(steps):
        for i in range(len(cur)):
            cur[i] = cur[i] + 1  # past the copy of one list, then the other's stores again
        cur = b if s % 2 == 0 else a
        x *= 19
    return x


ra, rb = [0] * 30, [100] * 30
print(rebinds_then_overflow(ra, rb, 8, 1), ra[:3], rb[:3])
print(rebinds_then_overflow(ra, rb, 16, 1), ra[:3], rb[:3])


def sets_global(k):
    global shared
    shared = spare  # a list that lives on: changes the attempt made to it must be undone
    return k


shared, spare = [0] * 30, [50] * 30


def rebinding_callee_then_overflow(steps, x):
    for s in range(steps):
        for i in range(30):
            shared[i] += 1  # a callee binds the global to a new list half-way
        if s == 3:
            sets_global(s)
        x *= 23
    return x


print(rebinding_callee_then_overflow(20, 1), shared[:3], spare[:3])
shared, spare = [0] * 30, [50] * 30
print(rebinding_callee_then_overflow(6, 1), shared[:3], spare[:3])

# a top-level loop over a global list, then an overflow in the same statement
hist = [0] * 40
big = 1
for i in range(2000):
    hist[i % 40] += 1
    if i == 1990:
        big = 2**62 * 4
print(hist[:3], sum(hist), big)
