# modjit: strict
# Top-level loops storing into lists the program sees run compiled to the
# end: a sieve that re-marks composites (a store of the object an item
# already is keeps no undo record: 1.1M of its 1.7M stores), and a grid whose
# rows past a full journal are more than the 512 it once checkpointed (its
# 513th made the loop hand over and run again on CPython).
import math

N = 300
flags = [True] * (N * N + 2)
flags[0] = flags[1] = False
for i in range(2, int(math.sqrt(N * N)) + 2):
    if flags[i]:
        for j in range(i * i, N * N + 2, i):
            flags[j] = False
print(sum(flags), flags[:12])

grid = [[0] * 200 for _ in range(2000)]
n = 0
for y in range(2000):
    for x in range(200):
        grid[y][x] = x + y + 1
        n += 1
print(n, sum(map(sum, grid)), grid[1999][:6])

