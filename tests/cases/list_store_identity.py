# modjit: strict
# Stores into lists of floats, bools and ints: a float object only the list
# holds may be overwritten in place; one anybody else can see must not change.
def store_floats(a, n):
    for i in range(n):
        a[i % len(a)] += 0.5 * i
    return a


def swap_ints(a):
    for i in range(len(a) // 2):
        a[i], a[-1 - i] = a[-1 - i], a[i]
    return a


def mark(flags, step):
    for j in range(0, len(flags), step):
        flags[j] = not flags[j]
    return flags


shared = 1.25
row = [shared, shared, 3.5]          # two references to one float object
alias = row
kept = row[2]                        # CPython holds the third element
store_floats(row, 7)
print(row, alias is row, shared, kept)

zeros = [0.0] * 4                    # one object, four times
grid = [zeros, zeros]                # the same row twice
store_floats(grid[0], 5)
print(grid, zeros)

m = [[0.0] * 3 for _ in range(3)]
for k in range(3):
    store_floats(m[k], k + 2)
print(m)

big = [2 ** 40, -(2 ** 35), 7, -1, 0, 1 << 62]
held = big[0]
print(swap_ints(big), held)
print(swap_ints([-5, 256, 257, -6, 2 ** 30, -(2 ** 30), 2 ** 60 + 1]))

fl = [True, False] * 5
first = fl[0]
print(mark(fl, 3), first, mark(fl, 2))

vals = [1.0, 2.0]
view = [vals[0], vals[1]]
store_floats(vals, 3)
print(vals, view)


def move(points, d):
    for i in range(len(points)):
        x, y = points[i]
        points[i] = (x + d, y - d)
    return points


pts = [(1.0, 2.0), (3.0, 4.0), (0.5, 0.25)]
seen = pts[1]                        # CPython holds the second tuple
f0 = pts[2][0]                       # and a float inside the third
print(move(pts, 0.5), seen, f0, move(pts, 1.5))
consts = [(0.0, 0.0)] * 3            # one constant tuple, three times
print(move(consts, 2.0), consts[0] is consts[1])
