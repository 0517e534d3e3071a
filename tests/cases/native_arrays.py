# modjit: strict
# Local lists of ints, floats and bools that a function only indexes: kept as
# native arrays (frontend/arrays.py); everything a program sees must stay the same.


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    count = 0
    last = 0
    for k in range(len(flags)):
        if flags[k]:
            count += 1
            last = k
    return count, last


def coins(total, values):
    ways = [0] * (total + 1)
    ways[0] = 1
    for v in values:
        for t in range(v, total + 1):
            ways[t] += ways[t - v]
    return ways[total], ways[-1] == ways[total], ways[-total - 1]


def floats(n):
    xs = n * [0.5]
    zs = [-0.0] * n
    for i in range(n):
        xs[i] *= i
        xs[-1 - i] -= 0.25
    print(xs[0], xs[n - 1], zs[0], zs[-1], len(xs) + len(zs))
    return xs[n // 2]


def rebinding(n):
    total = 0
    for r in range(n):
        row = [r] * (r + 1)  # a new buffer per round, the old one freed
        row[r] += 1
        total += row[0] + row[-1] + len(row)
    row = [7] * 0
    return total, len(row)


def empty_and_negative(n):
    a = [1] * n
    b = [2.5] * (-n)
    return len(a), len(b)


def swaps(n):
    p = [0] * n
    for i in range(n):
        p[i] = n - i
    i, j = 0, n - 1
    while i < j:
        p[i], p[j] = p[j], p[i]
        i += 1
        j -= 1
    p[0], p[1], p[2] = p[2], p[0], p[1]
    return p[0], p[1], p[2], p[n - 1]


def read_past_end(n):
    a = [3] * n
    return a[n]


def write_past_end(n):
    a = [False] * n
    a[-n - 1] = True
    return 0


def augment_past_end(n):
    a = [1.0] * n
    a[n] += 1.0
    return 0


def unbound(k):
    if k > 0:
        a = [0] * k
    return len(a)


def bools(n):
    seen = [False] * n
    for i in range(0, n, 3):
        seen[i] = True
    seen[1] = seen[0] and not seen[2]
    return seen[0], seen[1], seen[n - 1], [k for k in range(n) if seen[k]]


print(sieve(100), sieve(2), sieve(1000))
print(coins(100, (1, 5, 10, 25, 50)), coins(7, (2, 3)))
print(floats(5), floats(1))
print(rebinding(6))
print(empty_and_negative(3), empty_and_negative(0), empty_and_negative(-2))
print(swaps(7), swaps(3))
print(bools(10), bools(3))
try:
    read_past_end(4)
except IndexError as e:
    print("read IndexError:", e)
try:
    write_past_end(4)
except IndexError as e:
    print("write IndexError:", e)
try:
    augment_past_end(4)
except IndexError as e:
    print("augment IndexError:", e)
try:
    unbound(0)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(unbound(3))


def ranges_and_copies(n):
    up = list(range(n))
    down = list(range(n, 0, -2))
    mid = list(range(-3, n))
    none = list(range(n, n))
    copy = up[:]
    copy[0] = 99
    up = up[:]  # a copy of itself, the old buffer freed after
    total = 0
    for i in range(len(mid)):
        total += mid[i] * (i + 1)
    return up[0], copy[0], up[-1], len(down), down[-1], len(none), total


def reuse(n):
    # a name bound again reuses its buffer when large enough: the items must
    # still be the new ones (zeros zeroed again, a copy of itself kept)
    out = []
    a = [5] * n
    for k in (n, 2, n + 3, 1, 0, n):
        if len(a):
            a[0] = 9
        if k % 2 == 0:
            a = [0] * k
        else:
            a = [k] * k
        if k:
            out.append(a[0] + a[k - 1] + len(a))
        else:
            out.append(len(a))
    b = [1.5] * 4
    b[3] = 2.5
    b = b[:]
    c = list(range(3))
    c[2] = 7
    c = list(range(2))
    out.append(int(b[3] + b[0]) + c[1] + len(c))
    return out


def edit_distance(a, b):
    n, m = len(a), len(b)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
    return d[n][m], d[-1][-1], len(d), len(d[0])


def shortest_paths(n):
    inf = float("inf")
    dist = [[inf] * n for _ in range(n)]
    for i in range(n):
        dist[i][i] = 0.0
        dist[i][(i + 1) % n] = 1.5
        dist[i][(i * 3) % n] = min(dist[i][(i * 3) % n], 2.25)
    for k in range(n):
        for i in range(n):
            for j in range(n):
                if dist[i][k] + dist[k][j] < dist[i][j]:
                    dist[i][j] = dist[i][k] + dist[k][j]
    total = 0.0
    for i in range(n):
        for j in range(n):
            total += dist[i][j]
    return total, dist[0][n - 1]


def grid_edges(n, m, i, j, how):
    g = [[True] * m for _ in range(n)]
    g[0][0] = False
    if how == 0:
        return g[i][j]
    if how == 1:
        g[i][j] = False
        return g[i][j]
    if how == 2:
        return len(g[i]) == 4
    g[i][j] ^= True
    return g[i][j]


def empty_grid(n):
    if n > 5:
        m = n
    g = [[0] * m for _ in range(n)]  # m unbound: CPython evaluates no row when n <= 0
    return len(g)


def negative_rows(n, m):
    g = [[1.5] * m for _ in range(n)]
    return len(g), len(g[0]) if len(g) else -1


def walks(n):
    a = list(range(n))
    total = 0
    for x in a:
        total += x
        if x + 1 < len(a):
            a[x + 1] += 10  # the loop sees items changed ahead of it, as CPython's iterator does
    seen = [False] * n
    for flag in seen:
        if flag:
            break
    else:
        total += 1000
    fl = [0.25] * 3
    return total, [x * 2 for x in a], sum([x for x in fl]), max(y for y in a)


def reductions(n):
    ints = list(range(n, -n, -3))
    fl = [0.5] * n
    nan = [1.0] * n
    nan[1] = float("nan")
    flags = [False] * n
    flags[n - 2] = True
    for i in range(n):
        fl[i] *= i - 2
    print(sum(ints), min(ints), max(ints), sum(fl), min(fl), max(fl))
    print(max(nan), min(nan), sum(flags), max(flags), min(flags))
    return sum(flags) + max(ints)


def sieve_flags(n):
    f = [True] * (n + 1)
    f[0] = f[1] = False
    i = 2
    while i * i <= n:
        if f[i]:
            for j in range(i * i, n + 1, i):
                f[j] = False
        i += 1
    return f  # a new list of bools as it leaves


def prefix_sums(n):
    s = [0] * (n + 1)
    for i in range(n):
        s[i + 1] = s[i] + i * i - 300
    return s


def table(n, m):
    g = [[0.5] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            g[i][j] *= i - j
    return g


def shared_ints(n):
    # `[v] * n` holds one object n times: returned, the items still equal to
    # v share one again (identity, and memory: 10**7 objects made took 7x)
    a = [1000] * n
    return a


def shared_floats(n):
    b = [2.5] * n
    b[1] = 3.5
    return b


def shared_copy(n):
    a = [1000] * n
    c = a[:]
    c[0] = 5
    return c


def bad_step(n):
    a = list(range(0, n, 0))
    return len(a)


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    r = n
    perm_count = 0
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k != 0:
            i = 0
            j = k
            while i < j:
                perm[i], perm[j] = perm[j], perm[i]
                i += 1
                j -= 1
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if perm_count % 2 == 0 else -flips
        while True:
            if r == n:
                return checksum, max_flips
            p0 = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


print(ranges_and_copies(6), ranges_and_copies(1))
print(reuse(4), reuse(1))
print(edit_distance([3, 1, 4, 1, 5, 9], [3, 4, 1, 5, 9, 2, 6]), edit_distance([1, 2], [2]), edit_distance([7], [8, 9]))
print(shortest_paths(7), shortest_paths(1))
print(grid_edges(3, 4, -3, -4, 0), grid_edges(3, 4, 2, 3, 1), grid_edges(3, 4, 1, 0, 2), grid_edges(2, 2, 0, 0, 3))
try:
    print(grid_edges(3, 4, 3, 0, 0))
except IndexError as e:
    print((3, 4, 3, 0, 0), "IndexError:", e)
try:
    print(grid_edges(3, 4, 0, 4, 0))
except IndexError as e:
    print((3, 4, 0, 4, 0), "IndexError:", e)
try:
    print(grid_edges(3, 4, 0, -5, 1))
except IndexError as e:
    print((3, 4, 0, -5, 1), "IndexError:", e)
try:
    print(grid_edges(3, 4, -4, 0, 1))
except IndexError as e:
    print((3, 4, -4, 0, 1), "IndexError:", e)
try:
    print(grid_edges(3, 4, 3, 0, 2))
except IndexError as e:
    print((3, 4, 3, 0, 2), "IndexError:", e)
try:
    print(grid_edges(2, 0, 0, 0, 3))
except IndexError as e:
    print((2, 0, 0, 0, 3), "IndexError:", e)
try:
    empty_grid(2)
except NameError as e:
    print("NameError:", e)
print(empty_grid(0), empty_grid(7), negative_rows(-2, 3), negative_rows(2, -3), negative_rows(0, 5))
print(walks(5), walks(1))
print(reductions(6))
sa, sb, sc = shared_ints(4), shared_floats(4), shared_copy(4)
print(sa[0] is sa[3], sb[0] is sb[2], sb[1] is sb[0], sc[1] is sc[3], len({id(v) for v in sa}), sb, sc)
fl = sieve_flags(30)
print([i for i in range(31) if fl[i]], len(fl), fl[:4], sieve_flags(1))
ps = prefix_sums(12)
ps.append(-1)
print(ps, prefix_sums(0), ps[3] is prefix_sums(5)[3])
tb = table(3, 4)
tb[0].append(9.0)
print(tb, table(0, 5), table(2, 0), tb[1] is tb[2])
print(fannkuch(7))
try:
    bad_step(3)
except ValueError as e:
    print("ValueError:", e)
