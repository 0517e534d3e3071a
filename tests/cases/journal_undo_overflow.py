# A hand-over after mutating lists that others see: the mutations are undone
# and CPython re-runs the call (or top-level statement) from its start.
n = 100
dp = [0] * (n + 1)
dp[1] = 1
for i in range(2, n + 1):
    dp[i] = dp[i - 1] + dp[i - 2]
print(dp[n], dp[90])


def fill(a, m):
    for i in range(2, m):
        a[i] = a[i - 1] * 3 + a[i - 2]
    return a[m - 1]


lst = [1] * 60
print(fill(lst, 60), lst[:5], len(lst))


def grow(a, m):
    x = 1
    for _ in range(m):
        a.append(x)
        x = x * 7
    return x


b = [0]
print(grow(b, 10), b)
print(grow(b, 40), len(b), b[-1])


def scale_then_overflow(fs, ts, flags):
    for i in range(len(fs)):
        fs[i] = fs[i] * 2.5
    for i in range(len(ts)):
        x, y = ts[i]
        ts[i] = (x + 1.0, y * 2.0)
    for i in range(0, len(flags), 2):
        flags[i] = True
    k = 1
    for _ in range(70):
        k = k * 3
    return k


fs = [1.0, 2.0, 3.0]
ts = [(1.0, 2.0), (3.0, 4.0)]
flags = [False] * 6
print(scale_then_overflow(fs, ts, flags), fs, ts, flags)


def step(a, i):
    a[i % len(a)] = a[i % len(a)] + i
    return a[0] * a[1]


class Runner:
    def go(self, a, times):
        total = 0
        for i in range(times):
            total += step(a, i)
        return total


cells = [1, 2, 3]
print(Runner().go(cells, 50000), cells)
big = [3037000499, 3037000499]
print(Runner().go(big, 3), big)


def outer(a):
    a[0] = 5
    a.append(6)
    return inner(a, 40)


def inner(a, m):
    a[1] = 7
    p = 1
    for _ in range(m):
        p = p * 5
    return p


pair = [1, 2]
print(outer(pair), pair)


def rows_of_own_grid(n):
    g = [[1] * n for _ in range(n)]
    for row in g:
        row[0] = 2
    r = g[1]
    for j in range(1, n):
        r[j] = r[j - 1] * 9
    return g[1][n - 1]


print(rows_of_own_grid(5), rows_of_own_grid(30))


def power(k, m):
    x = 1
    for _ in range(m):
        x = x * k
    return x


def shared_row_inside_own_grid(p, m):
    g = [[0] * 3 for _ in range(2)]
    g[0] = p  # g's first row is now the caller's list
    row = g[0]
    row[0] = row[0] + 1
    return power(11, m)  # overflows in the callee: the caller's stores are undone too


shared = [1, 2, 3]
print(shared_row_inside_own_grid(shared, 3), shared)
print(shared_row_inside_own_grid(shared, 30), shared)


def extend_shared(acc, items, m):
    acc.extend(items)
    acc.append(len(acc))
    x = 2
    for _ in range(m):
        x = x * x
    return x


acc = [0]
print(extend_shared(acc, [5, 6], 3), acc)
print(extend_shared(acc, [7], 7), acc)


def inplace_ops(a, b, m):
    c = a
    a += b
    own = [0]
    own += b
    own *= 2
    x = len(c) + len(own)
    for _ in range(m):
        x = x * x
    return x


la = [1, 2]
print(inplace_ops(la, [3], 1), la)
print(inplace_ops(la, [4, 5], 8), la)


def stack_ops(st, m):
    top = st.pop()
    st.reverse()
    st.append(top * 2)
    return top * power(13, m)


st = [1, 2, 3]
print(stack_ops(st, 2), st)
print(stack_ops(st, 40), st)


calls = 0


def count_paths(n):
    global calls, widest
    calls += 1
    row = [1] * (n + 1)
    for i in range(1, n + 1):
        for j in range(1, n + 1):
            row[j] = row[j] + row[j - 1]
        widest = row[n]
    return row[n]


print(count_paths(10), calls, widest)
print(count_paths(40), calls, widest)
