# modjit: strict
def cmp(a, b):
    return a == b, a != b, a < b, a <= b, a > b, a >= b
print(cmp(2**53 + 1, float(2**53 + 1)))
print(cmp(2**53, float(2**53)))
print(cmp(-1, -1.5), cmp(3, 3.0), cmp(0, -0.0))
print(cmp(9007199254740993, 9007199254740992.0))
nan = float("nan")
print(cmp(1, nan), cmp(nan, nan))
def chain(a, b, c):
    return a < b < c, a <= b == c, a < b > c
print(chain(1, 2.5, 3), chain(1.0, 1, 1), chain(3, 2, 1))
