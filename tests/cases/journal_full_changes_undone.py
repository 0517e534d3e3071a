# A call that fills the undo journal (262,144 records) and then hands over to
# CPython (an int leaving 64 bits): every list change made after the journal
# filled must be undone exactly before CPython re-runs the call, whether the
# list was checkpointed (a copy of it as it was before that change) or no
# checkpoint was left (the change is put back and the call hands over at once).


def fill(a):
    for k in range(3):
        for i in range(len(a)):
            a[i] = a[i] + 1


def overflow():
    t = 1
    for i in range(70):
        t *= 3
    return t


def after_full(a, b, c, d, e, f):
    fill(a)
    b[0] = b[0] + 1  # a store: its list checkpointed after it happened
    c.append(len(c))  # an append
    d.pop()  # a pop
    e.reverse()
    f[1] = f[1] + 0.5  # a float the list alone holds, overwritten in place
    return overflow()


a = [0] * 100000
b, c, d, e = [10, 20], [1, 2], [5, 6, 7], [1, 2, 3]
f = [float(i) + 0.25 for i in range(3)]
print(after_full(a, b, c, d, e, f), sum(a), b, c, d, e, f)


def many_rows(rows, n):  # more lists than the call may checkpoint
    for r in rows:
        for i in range(n):
            r[i] = r[i] + i
    return overflow()


rows = [[1] * 1000 for _ in range(300)]
print(many_rows(rows, 1000), sum(map(sum, rows)))


def many_appends(rows, n):
    for r in rows:
        for i in range(n):
            r.append(i)
    return overflow()


rows = [[] for _ in range(300)]
print(many_appends(rows, 1000), sum(map(len, rows)))


def many_floats(rows, n):
    for r in rows:
        for i in range(n):
            r[i] = r[i] * 0.5
    return overflow()


rows = [[float(i) for i in range(1000)] for _ in range(300)]
print(many_floats(rows, 1000), sum(map(sum, rows)))

counter = 0


def bump(n):
    global counter
    for i in range(n):
        counter += i
    return overflow()


print(bump(400000), counter)


def more_than_checkpoints(a, rows, pts):  # pops, reverses, sorts and tuples of floats
    for i in range(300000):
        a[0] = i
    for r in rows[:8]:
        r[0] += 1
    rows[9].pop()
    rows[10].reverse()
    rows[11].sort()
    x, y = pts[0]
    pts[0] = (x + 1.0, y + 1.0)
    return overflow()


rows = [[3, 1, 2] for _ in range(12)]
pts = [(float(i), float(i)) for i in range(3)]
print(more_than_checkpoints([0], rows, pts), rows, pts)


def loop_target_stores(ps, n):  # `for dp[0] in ps` stores the caller's lists into dp
    dp = [[0]]
    for dp[0] in ps:
        dp[0][0] += 1
    return 2 ** 62 * n


ps = [[1], [5]]
print(loop_target_stores(ps, 4), ps)
