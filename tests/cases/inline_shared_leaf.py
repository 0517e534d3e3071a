# modjit: strict
# Two callees at the inlining depth limit share one leaf: the caller's module
# must hold one copy of it (pasting it twice was an IR redefinition error).


def leaf(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def left(n):
    s = 0.0
    for i in range(n):
        s += leaf(i, n)
    return s


def right(n):
    s = 0.0
    for i in range(n):
        s += leaf(n, i)
    return s


def both(n):
    return left(n) + right(n)


def top(n):
    t = 0.0
    for k in range(n):
        t += both(k)
    return t


print(top(300))
