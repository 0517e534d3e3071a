# 'in' over a tuple of numbers: x is an item or equal to one; a NaN x hands over.
def classify(c, r):
    if c in (0, 1, 4):
        return 1
    if c not in (2, 3.5, True):
        return 2
    return 3 if r in (c, c + 1) else 4
for c in range(6):
    print(c, classify(c, 2), classify(c + 0.5, 3.5), classify(True, 1.0))
x = float("nan")
print(x in (1.0, 2.0), 1.0 in (x, 1))
def has(v, t):
    return v in t
print(has(x, (x,)), has(2.0, (1, 2)), has(3, ()))
