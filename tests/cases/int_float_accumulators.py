# modjit: strict
def acc(a, n):
    s = 0
    for i in range(n):
        s += a * i
    return s

def mixed(n):
    s = 0
    t = 1
    for i in range(n):
        if i % 3 == 0:
            s = s + 0.5
        else:
            s = s + 1
        t = t * 2 if i < 3 else t / 2
    return s, t, abs(-s), int(s), round(s), s > 2, s == 1, -s, s // 2, s % 2, s ** 2, max(s, t), float(s)

print(acc(1.5, 4), acc(2, 4), acc(1.5, 0), acc(2.5, 0))
for n in range(6):
    print(mixed(n))
def first(xs):
    best = 0
    for x in xs:
        if x > best:
            best = x
    return best
print(first([0.5, 2.5, 1.0]), first([-1.0]))
