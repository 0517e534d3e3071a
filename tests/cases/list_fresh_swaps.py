# modjit: strict
# Swaps of two items of a list the function made itself trade the two pointers
# (no reference counts change): equal indices, negative ones, index
# expressions, identity "swaps", an IndexError with the list unchanged
# (reference counts: tests/test_refcounts.py).


def shuffle(n):
    a = list(range(n))
    b = [float(x) + 0.5 for x in range(n)]
    for k in range(n * 3):
        i = k % n
        j = (k * 7) % n
        a[i], a[j] = a[j], a[i]
        b[j], b[i] = b[i], b[j]
        a[i], a[i] = a[i], a[i]
        a[-1], a[0] = a[0], a[-1]
        b[i + 1 - 1], b[-j - 1] = b[-j - 1], b[i]
        a[i], a[j] = a[i], a[j]
    return a, b


def flip(n, k):
    rows = [[i] for i in range(n)]
    rows[0], rows[k] = rows[k], rows[0]
    first = rows[0][0]
    rows[k], rows[0] = rows[0], rows[k]
    return rows, first


def reverse_in_place(n):
    p = list(range(n))
    i, j = 0, n - 1
    while i < j:
        p[i], p[j] = p[j], p[i]
        i += 1
        j -= 1
    return p


print(shuffle(7))
print(shuffle(1))
print(flip(3, 2), flip(3, 0), flip(3, -1))
print(reverse_in_place(10), reverse_in_place(0))
try:
    print(flip(3, 3))
except IndexError as e:
    print("IndexError:", e)
try:
    print(flip(3, -4))
except IndexError as e:
    print("IndexError:", e)
