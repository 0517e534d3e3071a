# modjit: strict
def ops(a, b):
    x = a
    x += b
    x -= 1
    x *= 3
    x //= 2
    x %= 1000
    x **= 2
    x <<= 2
    x >>= 1
    x &= 0xFFFF
    x |= 1
    x ^= 5
    y = a * 1.0
    y /= 4
    y -= b
    return x, y
print(ops(7, 3), ops(-9, 4), ops(0, 0))
