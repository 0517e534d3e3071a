# modjit: strict
def clamp(x, lo, hi):
    return max(lo, min(x, hi))
for x in (-1.5, 0.5, 3.5, 2, -7):
    print(clamp(x, 0, 2), clamp(x, 0.0, 2), max(x, 1), min(1, x, 0.5))
def relu_sum(xs):
    s = 0
    for v in xs:
        s += max(0, v)
    return s
print(relu_sum([-1.0, 2.5, -3.0]), relu_sum([-1.0]))
