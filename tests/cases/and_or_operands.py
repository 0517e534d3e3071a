# modjit: strict
def pick(a, b):
    return a and b, a or b, (a or b) and a, not (a and b)
for a, b in ((0, 5), (3, 0), (2, 7), (0, 0)):
    print(pick(a, b))
for a, b in ((0.0, 1.5), (2.5, 0.0), (-0.0, 3.0)):
    print(pick(a, b))
def cond(x):
    return x if x > 0 else -x, 1 if x else 2
print(cond(5), cond(-3), cond(0))
