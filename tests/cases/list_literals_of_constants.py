# modjit: strict
# List literals of constants (copied from a template of their values when long):
# a fresh list each time, nested lists fresh too, items exactly CPython's.


def tables(k):
    primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, -31, +37]
    weights = [0.5, -0.0, 1e300, -1.5, 2.0, 3.0, 4.0, 5.0, 1e-320, -2.5]
    flags = [True, False, True, True, False, False, True, True]
    pairs = [(1, 2.0), (3, -4.0), (5, 6.0), (7, 8.0), (9, 10.0), (11, 12.0), (13, 14.0), (15, -16.0)]
    grid = [
        [1, 2, 3, 4, 5, 6, 7, 8, 9],
        [9, 8, 7, 6, 5, 4, 3, 2, 1],
        [0, 0, 0],
        [],
        [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        [2, 2],
        [3],
        [-4, -4, -4, -4],
    ]
    cube = [[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 10]], [[11]], [], [[12, 13, 14]], [[15]], [[16]]]
    primes[k % 12] = -k
    weights.append(float(k))
    grid[k % 8].append(k)
    grid[0][0] += k
    cube[0][0][0] = k
    return sum(primes), weights, flags, pairs[k % 8], grid, cube


for k in range(4):
    print(tables(k))
a = tables(1)
b = tables(1)
print(a == b, a[4] is b[4], a[4][0] is b[4][0], a[5][0][0] is b[5][0][0])
for i in range(3):
    table = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    table[i] = 0
    print(table)
