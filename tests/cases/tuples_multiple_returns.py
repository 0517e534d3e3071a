# modjit: strict
def stats(n):
    lo, hi, total = n, -n, 0
    for i in range(n):
        v = (i * 7) % 11 - 5
        lo = min(lo, v)
        hi = max(hi, v)
        total += v
    return lo, hi, total, total / n
def swap3(a, b, c):
    a, b, c = c, a, b
    return (a, b), c
print(stats(10), stats(3))
p, q = swap3(1, 2, 3)
print(p, q, p[0], p[-1], len(p))
