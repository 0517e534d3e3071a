# A global that shadows a builtin, deleted after compiled code read it: the
# builtin shows through again (compiled code hands over; it raised NameError).
abs = 7


def a2(x):
    return abs + x


print(a2(2))
del abs
try:
    print(a2(2))
except TypeError as exc:
    print("TypeError", exc)
max = 5


def f(n):
    s = 0
    for i in range(n):
        s += i + max
    return s


print(f(3))
del max
try:
    print(f(3))
except TypeError as exc:
    print("TypeError", exc)
print(max(1, 2), abs(-3))
