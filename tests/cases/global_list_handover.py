# Functions that store into module-level lists they never bind, then overflow:
# the stores are undone before CPython re-runs the call (found by differential programs).
g = [1.5]


def h(x):
    g[0] = g[0] * 2
    return x * 2 ** 62 * 4


print(h(1), g)

d = [0]


def f(x):
    d.append(x)
    return x * 10 ** 19


print(f(1), d)

flag = [0]


def once(x):
    if flag[0]:
        return x
    flag[0] = 1
    return x * 10 ** 18 * 10


print(once(1), flag)

grid = [[0, 0], [0, 0]]


def bump(k):
    grid[0][0] += 1
    grid[1][1] += 1
    return k * 2 ** 63


print(bump(1), grid)

memo = [0] * 100
calls = 0


def fib(n):
    global calls
    calls += 1
    if n < 2:
        return n
    if memo[n]:
        return memo[n]
    r = fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r


for n in (10, 50, 93, 99):
    print(n, fib(n), calls)
