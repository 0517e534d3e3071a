# modjit: strict
def r(x):
    return round(x)
def r2(x):
    return round(x, 2)
for v in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.125, 1e16 + 1.0, -2.5000001):
    print(v, r(v), r2(v))
print(round(7), round(-3))
