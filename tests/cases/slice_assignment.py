# Slice assignment a[i:j] = b of lists (the fannkuch flip perm[:k + 1] = perm[k::-1]):
# wrapped and clamped bounds, a[:] = a, into a row of a grid, undone at a hand-over.
def flip(perm, k):
    perm[:k + 1] = perm[k::-1]
    return perm
def edit(a, b):
    a[1:3] = b
    a[-2:] = [9, 9, 9]
    a[5:2] = [7]
    a[:] = a
    a[100:] = [1]
    a[-100:1] = []
    return a
def grow(g):
    g[0][1:1] = [5.5, 6.5]
    return g
print(flip(list(range(6)), 3), flip([1, 2], 0))
print(edit([0, 1, 2, 3, 4, 5], [10, 11, 12, 13]))
print(grow([[1.0, 2.0], [3.0]]))
t = 0
for i in range(3000):
    p = list(range(8))
    t += flip(p, i % 8)[0]
print(t)
shared = [1, 2, 3]
def over(lst, n):
    lst[0:1] = [n * n]
    return lst[0] + 2 ** 62 * n
for v in (1, 3):
    print(over(shared, v), shared)
