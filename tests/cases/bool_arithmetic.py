# modjit: strict
def b(x, y):
    return x + y, x * 3, -x, ~y, x & y, x | y, x ^ y, not x, x < y, x + 0.5
print(b(True, False), b(True, True), b(False, False))
def mixed(t):
    return t + 1, t == 1, t is None
print(mixed(True), mixed(False))
