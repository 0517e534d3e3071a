# modjit: strict
# any()/all() of lists and of generator expressions: a generator stops where
# CPython's stops (no element past it is evaluated), also across nested loops.
def f(a, b):
    r1 = any(x > 3 for x in a)
    r2 = all(x > 0 for x in a)
    r3 = any(x * y == 6 for x in a for y in b)
    r4 = all([x != 0 for x in b])
    r5 = any(a)
    r6 = all(b[i] >= 0 for i in range(len(b)) if i % 2 == 0)
    return r1, r2, r3, r4, r5, r6
print(f([1, 2, 5], [3, 0, 2]))
print(f([0, 0], [1, 2]))
print(f([1], []))
def g(a, k):
    # stops before the division by zero, as CPython does
    return any(10 // x > k for x in a), all(x != 0 and 10 // x > 0 for x in a)
print(g([1, 2, 0], 3))
def h(a, k):
    return any(10 // x > k for x in a)
try:
    print(h([5, 0, 1], 3))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
n = 0
for i in range(20):
    if all(i % p != 0 for p in range(2, i)) and i > 1:
        n += 1
print(n, any([]), all([]))
def pairs_ok(ps, limit):
    return all(a < b for a, b in ps if a >= 0), any(a + b > limit for a, b in ps)
print(pairs_ok([(1, 2), (-5, -9), (3, 4)], 6), pairs_ok([(2, 1)], 0.5))
def grid_has(g, v):
    return any(g[i][j] == v for i in range(len(g)) for j in range(len(g[i])))
def neg(x):
    global calls
    calls += 1
    return x < 0
def first_stop(g):
    return any(neg(x) for row in g for x in row), all(not neg(x) for row in g for x in row)
calls = 0
g = [[1.0, -0.0], [2.5, -1.0, 7.0], [0.0]]
print(grid_has(g, 2.5), grid_has(g, 3.0), first_stop(g), calls)
print(any([0.0, -0.0]), any([0.0, float("nan")]), all([1, 2, 3]), all([True, False]))
count = 0
for n in range(2, 60):
    if n % 2 == 1 and all(n % d for d in range(3, n, 2)):
        count += 1
print(count)
