# modjit: strict
# Compiled print() queues its output until control returns to CPython: a list
# printed and then changed must still print as it was when print() ran.
vals = [1.5, -2.0, 0.25]
for _ in range(3):
    for i in range(len(vals)):
        vals[i] = vals[i] * 2.0
    print(vals)


def steps(n):
    grid = [[0] * 3 for _ in range(2)]
    for k in range(n):
        grid[k % 2][k % 3] += k
        print(k, grid, (grid[0], k), sep=" | ")
        grid[0].append(k)
        print(grid[0], end=";\n")
        grid[0].pop()
    return grid


print(steps(4))
acc = []
for i in range(4):
    acc.append(i * i)
    print(acc, len(acc))
