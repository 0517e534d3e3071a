# Tuple comparisons: lexicographic, and a NaN item (equal to itself by identity) hands over.
def cmp_all(a, b):
    return (a < b, a <= b, a > b, a >= b, a == b, a != b)
pts = [(1, 2), (1, 3), (0, 9), (1, 2), (2, -1)]
for p in pts:
    for q in pts:
        print(cmp_all(p, q))
fl = [(1.0, 2), (1, 2.0), (0.5, 9), (float("nan"), 1), (1.0, float("nan"))]
for p in fl:
    for q in fl:
        print(cmp_all(p, q))
def best(ps):
    b = ps[0]
    for p in ps:
        if p < b:
            b = p
    return b
print(best([(3, 1.5), (2, 9.0), (2, 1.0), (5, 0.0)]))
