# Lists the function did not make, put inside one it did (through `or`, `+`,
# a tuple-target store, a callee's store): mutating them is journaled, so the
# hand-over that follows (an int leaving 64 bits) re-runs with them as they were.
G = [1, 2]
H = [[1], [2]]


def via_or(n):
    ps = [G or [0]]
    ps[0][0] += 100
    return 2 ** 62 * n


def via_add(n):
    ps = [H + []]
    ps[0][0][0] += 100
    ps[0].append([5])
    return 2 ** 62 * n


def via_tuple_target(n):
    a = [[0], [0]]
    a[0], a[1] = G, G
    a[0][0] += 100
    return 2 ** 62 * n


def put(a):
    a[0] = G


def via_callee(n):
    a = [[0], [0]]
    put(a)
    a[0][0] += 100
    a[0].append(7)
    return 2 ** 62 * n


def fresh_rows(n):
    rows = [[0] * 3 for _ in range(n)]
    for r in rows:
        r[1] += len(r)
    return rows, 2 ** 62 * n


for fn in (via_or, via_add, via_tuple_target, via_callee, fresh_rows):
    print(fn.__name__, fn(4), G, H)
