# modjit: strict
# Lists made inside conditional expressions and and/or operands: each branch
# releases what it made; the chosen list lives to the statement's end.
def pick(a, b, c):
    x = a[:] if c else b + [0]
    y = (a or [7]) + (b and [len(b)])
    z = sorted(a) if len(a) > 2 else [v * 2 for v in b]
    w = len((a[1:], 1)[0] if c else (b[:1], 2)[0])
    return x, y, z, len(a[:] if c else []) + (len(b[:]) or 5), w


def total(rows):
    s = 0
    for r in rows:
        s += sum(r[1:] if len(r) > 1 else r) + len(r and r[:1])
    return s


print(pick([3, 1, 2], [5], True), pick([], [], False), pick([9, 8], [4, 4], False))
print(total([[1, 2, 3], [4], [], [5, 6]]))
for k in range(200000):  # flat memory: no reference left behind
    pick([k, 1, 2], [k], k % 2 == 0)
print("done")
