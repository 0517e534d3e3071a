import math
def f1(a, b):
    return a / b, a // b, a % b, divmod(a, b)
for a, b in [(7, 2), (-7, 2), (7, -2), (7.5, 2), (-7.5, -2), (1e300, 1e-10), (5, 0.3)]:
    print(f1(a, b))
def f2(x):
    return round(x), round(x, 1), round(x, -1), int(x), math.floor(x), math.ceil(x), math.trunc(x)
for x in [0.5, 1.5, 2.5, -0.5, -1.5, 123.456, -987.65, 1e15 + 0.5]:
    print(f2(x))
def f3(n):
    s = 0.0
    for i in range(1, n):
        s += 1.0 / (i * i)
    return s, math.sqrt(s * 6)
print(f3(10000))
def f4(x, y):
    return x == y, x < y, x != y, x >= y
print(f4(2**53, 2.0**53), f4(2**53 + 1, 2.0**53), f4(-0.0, 0), f4(float('nan'), 1))
def f5(n):
    out = []
    i = n
    while i > 0:
        out.append(i % 10)
        i //= 10
    out.reverse()
    return out
print(f5(9876543210), f5(7))
def f6(a):
    a = a << 3
    b = a >> 2
    c = ~a
    return a, b, c, a & 0xFF, a | 1, a ^ 0x55, -a >> 1
print(f6(12345), f6(-7))
def f7(xs):
    best = xs[0]
    idx = 0
    for i, v in enumerate(xs):
        if v > best:
            best, idx = v, i
    return best, idx
print(f7([3, 9, 2, 9, 1]), f7([-1.5, -0.5, -2.5]))
def f8(n):
    return [i for i in range(n) if i % 3 == 0 and i % 5 != 0], sum(i * i for i in range(n))
print(f8(40))
def f9(t):
    a, (b, c) = t
    return a + b * c
print(f9((1, (2, 3))), f9((1.5, (2, 0.5))))
print(0.1 * 3, 1 / 3, 2 / 3, 10 / 4, 1e-5, 1.5e-7, 123456789012345678.0, 0.000123)
print(float(2**63), float(-2**63), 2**63 / 3, 3 ** 0.5, (-8) ** 2, 2 ** 62, 4 ** 0.5)
def g(n):
    x = 1
    for i in range(n):
        x = x * 2 if x < 1000 else x - 999
    return x
print(g(10000))
def h(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
print(h(5), h(-5), h(0))
def dm(a, b):
    return divmod(a, b)
for a, b in ((7.5, 0.0), (1, 0.0), (True, 0.0), (1.0, False), (7, 0), (-7.5, 2), (7, -2.5)):
    try:
        print(dm(a, b))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
