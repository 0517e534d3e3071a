# Constant expressions that are not folded: a big int, float overflow, division
# by zero, a complex power; python3's values and errors, where they happen.
c = 2 ** 63
d = -(2 ** 63)
print(c, d, 1 << 70, 3 ** 41, (-2) ** 63, (-2) ** 64, (-8) ** (1 / 3))


def bad():
    return 10.0 ** 400


try:
    bad()
except OverflowError as ex:
    print("OverflowError", ex)


def z():
    return 1 // 0


try:
    z()
except ZeroDivisionError as ex:
    print("ZeroDivisionError", ex)
print(7 % 0)
