# Code running on CPython (methods, lambdas, map, a loop assigning globals)
# calls compiled functions through their native entries: results, output
# order, exceptions, hand-overs and rebinding must all be CPython's.


def helper(x):
    return x + 1


def twice(x):
    return helper(x) * 2


def sq(x):
    return x * x


def div(a, b):
    return a / b


def shout(n):
    print("in shout", n)
    return n * 3


def mix(a, b, flag):
    return a * b if flag else a - b


class Runner:
    def go(self, n):
        return [twice(i) for i in range(n)]

    def total(self, n):
        s = 0
        for i in range(n):
            s += sq(i)
        return s


r = Runner()
print(r.go(5), r.total(1000))
print(list(map(lambda v: sq(v) + 1, [1, 2, 3])))
d = {}
for i in range(2000):  # assigns the global i on every call
    d[i % 5] = sq(i) + twice(i)
print(sorted(d.items()))
print(sq(2**31), sq(3 * 10**9), sq(2**40))  # the last leaves 64 bits: CPython's big int
print(sq(1.5), sq(True), mix(2, 3, True), mix(2.5, 3, False), mix(1, 2, 0))
print(twice(x=4), sq(*[7]))
try:
    r2 = [div(6, k) for k in (3, 2, 0)]
except ZeroDivisionError as exc:
    print("caught", exc)
print("before")
print([shout(k) for k in range(3)])
print("after")


def helper(x):  # noqa: F811 - rebinding reaches compiled callers
    return x - 1


print(r.go(5))
globals()["helper"] = lambda x: x * 10
print(r.go(3), twice(2.5))
