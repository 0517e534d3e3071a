# modjit: strict
# Recursion turns a function hot while it is running: the baseline activations
# finish in baseline code while deeper calls already run optimised code.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def add(a, b):
    return a + b


def step(x):
    return add(x, 1) * 2 - x


def walk(n):
    v = 0
    for _ in range(n):
        v = step(v) % 1000003
    return v


def tri(n):
    return 0 if n == 0 else add(n, tri(n - 1))


print(fib(22), fib(10))
print(walk(5000), walk(10), walk(0))
print(tri(500), tri(900))
print([fib(i) for i in range(15)])
