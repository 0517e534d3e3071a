# modjit: strict
# int.bit_length() and float.is_integer() on compiled values.
def bits(n):
    return n.bit_length(), (-n).bit_length(), True.bit_length(), (n > 3).bit_length()


def whole(x):
    return x.is_integer(), (x / 3).is_integer(), (x * 0.5).is_integer()


for n in (0, 1, 2, 3, 255, 256, 2**62, 2**63 - 1, -(2**63), -1, -7):
    print(n, bits(n))
inf = float("inf")
for x in (0.0, -0.0, 1.0, 1.5, -2.0, 3.0, 1e300, 2.0**53 + 1, inf, -inf, float("nan"), 5e-324):
    print(x, whole(x))
