# modjit: strict
# for i in reversed(range(...)): every length and sign of step, and the ends of int64.
def items(a, b, c):
    out = []
    for i in reversed(range(a, b, c)):
        out.append(i)
    return out


def last_two(a, b, c):
    n = 0
    first = 0
    for i in reversed(range(a, b, c)):
        if n == 0:
            first = i
        n += 1
        if n == 2:
            break
    else:
        return first, -1
    return first, n


for a, b, c in ((0, 10, 1), (0, 10, 3), (10, 0, -3), (5, 5, 1), (5, 4, 1), (-7, 7, 5), (7, -7, -4), (3, 4, 100)):
    print(a, b, c, items(a, b, c))
big = 2**63 - 1
print(last_two(-big - 1, big, 2**62), last_two(big, -big - 1, -(2**62)), last_two(-big - 1, big, 1))
s = 0
for j in reversed(range(6)):
    s = s * 10 + j
print(s)
try:
    items(1, 2, 0)
except ValueError as e:
    print("ValueError", e)
