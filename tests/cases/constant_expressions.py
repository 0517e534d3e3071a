# modjit: strict
# Constant expressions, folded before compiling (frontend/fold.py) where the
# result is an int of 64 bits or a float, and computed at run time otherwise:
# the same values, types and errors as python3's.
MOD = 10 ** 9 + 7
a = 7 * 3 + 7
b = -0.0
e = 1 / 3
f = 7 ** -2
g = 10.0 ** 300 * 10
h = (1 << 62) + (1 << 62) - 1
q = (5 // -2, 5 % -3, -7 // 2.0, ~5, +3, -5.5 % 2)
print(MOD, a, b, e, f, g, h, q)


def k(x):
    return x * (2 ** 10) + 3.5 * 2 - (-1)


def sized(n):
    t = 0
    for i in range(n):
        t = (t * 31 + i) % (10 ** 9 + 7)
    return t


print(k(3), k(2.5), sized(1000), 9007199254740993 / 1, 2 ** 53 + 1 == float(2 ** 53 + 1))
big = 1e308 * 10
print(big, -(1e308 * 10), 1e308 * 10 - 1e308 * 10, 5e-324 / 2, -(5e-324 / 2), 0.0 * -1)
