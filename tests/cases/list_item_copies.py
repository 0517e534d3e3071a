# modjit: strict
# a[i] = b[j] between lists of one item type moves the item object, as CPython
# does (identity kept, NaN included); IndexError as the read's or the store's.
def shift(a, b, n):
    for i in range(n - 1):
        a[i] = a[i + 1]
    b[0] = a[-1]
    a[-1] = b[1]
    return a, b
x = [1000 + i for i in range(6)]
y = [5000, 6000]
print(shift(x, y, 6), x[0] is x[1], y[0] is x[-2])
f = [0.5, 1.5, float('nan')]
g = [2.5, 3.5]
def fl(a, b):
    a[0] = a[2]
    b[1] = a[0]
    return a, b
print(fl(f, g), f[0] is f[2])
def bad(a, b, i):
    a[i] = b[i]
print(bad([1, 2], [3, 4, 5], 1))
try:
    bad([1, 2], [3, 4, 5], 2)
except IndexError as e:
    print(e)
try:
    bad([1, 2, 3], [3, 4], 2)
except IndexError as e:
    print(e)
