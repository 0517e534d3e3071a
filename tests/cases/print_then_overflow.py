def grow():
    x = 1
    for i in range(1, 30):
        x *= i
        print(i, x)
    return x
print(grow())


# A long table printed before the overflow (more lines than a terminal's queue
# holds; CPython's output to a pipe or a file is block-buffered anyway).
def faulhaber4(n):
    return n * (n + 1) * (2 * n + 1) * (3 * n * n + 3 * n - 1) // 30


def table(n):
    s = 0
    bad = 0
    for i in range(1, n + 1):
        s += i ** 4
        print(i, s)
        if i % 1000 == 0 and s != faulhaber4(i):
            bad += 1
    return s, bad


print(table(6000))
