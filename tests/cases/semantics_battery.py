import math


def mandel(w, h, maxit):
    total = 0
    for y in range(h):
        for x in range(w):
            cr = 2.0 * x / w - 1.5
            ci = 2.0 * y / h - 1.0
            zr = 0.0
            zi = 0.0
            i = 0
            while i < maxit and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                i += 1
            total += i
    return total

def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

def divs(a, b):
    return a // b, a % b, a / b

def fl(a, b):
    return a // b, a % b

def mm(a, b, c):
    return min(a, b, c), max(a, b, c), abs(a - b)

def r(x):
    return round(x), round(x, 2), int(x), float(int(x)), bool(x)

def cmp(a, b):
    return a == b, a < b, a <= b, a > b, 0 < a < b, a != b

def logic(a, b):
    return a and b, a or b, not a, (a if a > b else b)

def shifts(a, b):
    return a << b, a >> b, a & b, a | b, a ^ b, ~a

def mth(x):
    return math.sqrt(x), math.sin(x), math.floor(x), math.ceil(x), math.exp(x), math.log(x), math.atan2(x, 1.0), math.hypot(x, 3), math.pi, math.isnan(x), math.fabs(-x)

print(mandel(60, 40, 100))
print(fact(20), fact(25), fact(30))
print(divs(7, -2), divs(-7, 2), divs(-9, -4))
print(fl(7.5, -2.0), fl(-7.5, 2.0), fl(-0.0, 1.0), fl(5.0, 0.5))
print(mm(3, 1, 2), mm(1.5, -2.5, 0.0))
print(r(2.5), r(3.5), r(-1.5), r(2.675), r(0.1))
print(cmp(2**53 + 1, float(2**53 + 1)), cmp(1, 1.5), cmp(3, 2))
print(logic(0, 5), logic(3, 0), logic(2.5, 1.5))
print(shifts(-13, 3), shifts(5, 62))
print(mth(2.0), mth(0.5))
print(1e22, 1e16, -0.0, 5e-324, 0.1 + 0.2, sep=" | ", end="!\n")
print(2 ** 62 * 2, 10 ** 19)
x = 7
y = x * 3.5
print(x, y, x ** 2, -x, +x, x // 2)
t = (1, 2.5, True)
a, b, c = t
print(t, a, b, c, t[0], t[-1], len(t))
def swap(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a
print(swap(90), swap(100))
try:
    print(divs(1, 0))
except ZeroDivisionError as e:
    print("ZDE", e)
try:
    print(fl(1.0, 0.0))
except ZeroDivisionError as e:
    print("ZDE", e)
try:
    print(mth(-1.0))
except ValueError as e:
    print("VE", e)
def p(x):
    return x ** 400.0
try:
    print(p(10.0))
except OverflowError as e:
    print("OE", e)
print(p(1.0001))
def countdown(n):
    s = 0
    for i in range(n, 0, -3):
        s += i
    else:
        s += 1000
    while n > 0:
        n -= 1
        if n == 5:
            break
        if n % 2:
            continue
        s += n
    else:
        s = -1
    return s
print(countdown(20), countdown(3))
G = 10
def useg(n):
    return n + G
print(useg(1))
G = 2.5
print(useg(1))
def setg(n):
    global H
    H = n * 2
setg(21)
print(H)
