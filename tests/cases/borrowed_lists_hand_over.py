# Borrowed lists (frontend/arrays.py) when the call hands over or aliases


def grow(a):
    for i in range(len(a)):
        a[i] = a[i] * 10**9
    return a[0]


def pair(a, b):
    for i in range(len(a)):
        a[i] += 1.0
        b[i] *= 2.0


def incr(a):
    for i in range(len(a)):
        a[i] += 1.5
    return a[0]


def nanify(a):
    for i in range(len(a)):
        a[i] = a[i] * float("inf") * 0.0


def bump(a):
    for i in range(len(a)):
        a[i] += 1


def outer(a):
    bump(a)
    return a[0] * 2**62


def partition(a, lo, hi):
    pivot = a[hi]
    i = lo - 1
    for j in range(lo, hi):
        if a[j] <= pivot:
            i += 1
            a[i], a[j] = a[j], a[i]
    a[i + 1], a[hi] = a[hi], a[i + 1]
    return i + 1


def quicksort(a, lo, hi):
    while lo < hi:
        p = partition(a, lo, hi)
        if p - lo < hi - p:
            quicksort(a, lo, p - 1)
            lo = p + 1
        else:
            quicksort(a, p + 1, hi)
            hi = p - 1


v = [3, 10**9, 10**10]
print(grow(v), v)
x = [1.0, 2.0]
pair(x, x)
print(x)
y, z = [1.0, 2.0], [3.0, 4.0]
pair(y, z)
print(y, z)
w = [1.0, 2.0, 3.0]
print(incr(w), w)
mixed = [1.0, 2.0, 3, 4.0, 5.0]
print(incr(mixed), mixed)
n = [1.0, -2.0]
nanify(n)
print(n, n[0] is n[1])
q = [1, 2]
print(outer(q), q)
data = [(i * 7919) % 10007 for i in range(20000)]
quicksort(data, 0, len(data) - 1)
print(data == sorted(data), data[:5], data[-3:])
glob = [1.0, 2.0, 3.0]


def peek(i):
    return glob[i]


def accumulate(a):
    for i in range(len(a)):
        a[i] += peek(i - 1)  # (reads the list a is: a call keeps a function from borrowing)


accumulate(glob)
print(glob)
