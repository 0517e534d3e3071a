# A for loop holds the list it walks, as CPython's iterator does: rebinding the
# variable (or the slot) it came from inside the body frees nothing under it.


def rebind_local():
    a = [1, 2, 3, 4, 5, 6]
    out = []
    for x in a:
        a = [x * 10, x * 10, x * 10, x * 10, x * 10, x * 10, x * 10]
        out.append(x)
    return out, a


def rebind_slot():
    g = [[1, 2, 3, 4, 5, 6]]
    out = []
    for x in g[0]:
        g[0] = [x * 10, x * 10, x * 10, x * 10, x * 10, x * 10, x * 10]
        out.append(x)
    return out, g


def popped():
    g = [[1, 2, 3, 4, 5, 6]]
    out = []
    for x in g.pop():
        g.append([x * 10, x * 10, x * 10])
        out.append(x)
    return out, g


def zipped(n):
    a = [float(i) for i in range(n)]
    b = [i * 2 for i in range(n)]
    total = 0.0
    for i, (x, y) in enumerate(zip(a, b)):
        a = [0.5]
        b = [7]
        total += x * y + i
    return total, a, b


for _ in range(3):
    print(rebind_local(), rebind_slot(), popped(), zipped(6))
a = [1, 2, 3]
out = []
for x in a:
    a = [0]
    out.append(x)
print(out, a)


# range() with a literal zero step raises, whatever its bounds
def zero_step(n):
    k = 0
    for i in range(n, 0, 0):
        k += 1
        if k == 3:
            break
    return k


for fn, arg in ((zero_step, 5), (lambda n: [i for i in range(0, n, 0)], 4)):
    try:
        print(fn(arg))
    except ValueError as e:
        print("ValueError:", e)


# a bound method kept in a local: called before its assignment is CPython's UnboundLocalError
def early_alias(a):
    if len(a) > 2:
        push(0)
    push = a.append
    push(9)
    return a


def global_alias(a):
    global push
    push = a.append
    push(9)
    return a


print(early_alias([1]))
try:
    print(early_alias([1, 2, 3]))
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
L = [1]
global_alias(L)
push(5)
print(L)


# reversed() takes its list's length when it is called, before later arguments run
def grow(a):
    a.append(99)
    return [10, 20, 30, 40]


def zip_reversed(a):
    out = []
    for x, y in zip(reversed(a), grow(a)):
        out.append(x + y)
    return out


def bump(a):
    a.append(7)
    return 100


def enumerate_reversed(a):
    out = []
    for i, x in enumerate(reversed(a), bump(a)):
        out.append((i, x))
    return out


print(zip_reversed([1, 2, 3]), enumerate_reversed([1, 2, 3]))
