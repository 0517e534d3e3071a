# modjit: strict
# sum() of a list of bools is an int (True + True == 2), min/max of bools a bool.


def reachable(m):
    seen = [False] * m
    seen[0] = True
    stack = [0]
    while stack:
        u = stack.pop()
        for v in ((u + 1) % m, (u * 3) % m):
            if not seen[v]:
                seen[v] = True
                stack.append(v)
    return sum(seen)


def flags(n):
    fs = [i % 3 == 0 for i in range(n)]
    return sum(fs), min(fs), max(fs), sum(fs) * 2, sum(fs) / 4


total = 0
for m in range(1, 60):
    total += reachable(m)
print(total, reachable(10), flags(10), flags(1))
print(sum([True, True, False]), sum([False]), sum([True]) + 0.5)
