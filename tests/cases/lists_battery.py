def total(a):
    s = 0.0
    for x in a:
        s += x
    return s

def scale(a, k):
    for i in range(len(a)):
        a[i] = a[i] * k

def build(n):
    out = []
    for i in range(n):
        out.append(i * i)
    return out

def matmul(a, b, n):
    c = [[0.0] * n for _ in range(n)] if False else []
    for i in range(n):
        row = [0.0] * n
        for j in range(n):
            s = 0.0
            for k in range(n):
                s += a[i][k] * b[k][j]
            row[j] = s
        c.append(row)
    return c

def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    count = 0
    for f in flags:
        if f:
            count += 1
    return count

def enum(a):
    best = -1
    besti = -1
    for i, x in enumerate(a):
        if x > best:
            best = x
            besti = i
    return besti, best

def misc(a):
    b = a[1:3]
    c = a[::-1]
    a.append(99)
    p = a.pop()
    a.insert(0, 7)
    return b, c, p, len(a), a[-1], 3 in a, sum(a), max(a), sorted(a)

v = [1.0, 2.5, 3.5]
print(total(v))
scale(v, 2.0)
print(v)
print(build(10))
m = [[1.0, 2.0], [3.0, 4.0]]
print(matmul(m, m, 2))
print(sieve(100000))
print(enum([3, 9, 2, 9, 1]))
w = [5, 3, 8, 1]
print(misc(w), w)
try:
    print(total([]) , v[10])
except IndexError as e:
    print("IE", e)
def bad(a):
    a[5] = 1.0
try:
    bad(v)
except IndexError as e:
    print("IE", e)
print([x for x in range(3)])
xs = [0] * 5
for i in range(5):
    xs[i] = i * 3
print(xs, xs == [0, 3, 6, 9, 12])
