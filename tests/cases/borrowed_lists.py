# modjit: strict
# Parameters that are lists of floats, ints or bools, only indexed, measured,
# summed or looped over, are borrowed as buffers for the call (frontend/arrays.py)


def advance(xs, vs, n, dt, steps):
    for s in range(steps):
        for i in range(n):
            vs[i] -= xs[i] * dt
        for i in range(n):
            xs[i] += vs[i] * dt


def total(a):
    s = 0.0
    for x in a:
        s += x
    return s + sum(a) + max(a) - min(a) + len(a)


def scale_ints(a, k):
    for i in range(len(a)):
        a[i] = a[i] * k - i
    return a[-1]


def flip(flags):
    for i in range(0, len(flags), 2):
        flags[i] = not flags[i]
    return sum(flags)


def dot(a, b):
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s


def negate(a):
    for i in range(len(a)):
        a[i] = -a[i]


def divide_all(a, d):
    for i in range(len(a)):
        a[i] = a[i] / d[i]


def shift(a):
    for i in range(len(a) + 1):
        a[i] += 1


def squares(a):
    return [x * x for x in a if x > 1]


def swap_ends(a):
    for k in range(len(a) // 2):
        a[k], a[-1 - k] = a[-1 - k], a[k]


xs = [1.0, 2.0, -0.0, 3.5]
vs = [0.0] * 4
advance(xs, vs, 4, 0.01, 1000)
print(xs, vs)
print(total(xs))
ints = list(range(10))
print(scale_ints(ints, 3), ints)
flags = [True, False] * 5
print(flip(flags), flags)
print(dot(xs, xs), dot(xs, vs))
big = [1.5, 2.5, 3.5]
before = [id(x) for x in big]
print(dot(big, big), [id(x) for x in big] == before)
z = [0.0, 1.0, -2.5]
negate(z)
print(z)
a = [1.0, 2.0, 3.0, 4.0]
try:
    divide_all(a, [1.0, 2.0, 0.0, 1.0])
except ZeroDivisionError as e:
    print("caught", e, a)
b = [1, 2, 3]
try:
    shift(b)
except IndexError as e:
    print("caught", e, b)
print(squares([0.5, 1.5, 2.5]))
w = [1, 2, 3, 4, 5]
swap_ends(w)
print(w)
m = [2**40, -2**40, 7]
print(scale_ints(m, 1000), m)
