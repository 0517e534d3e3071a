# modjit: strict
# With the recursion limit raised, python3 recurses far deeper than Linux's
# default 8 MiB C stack would hold compiled frames: a recursive flood fill
# ~90,000 deep and a sum 200,000 deep, as competitive programs write them.
import sys

sys.setrecursionlimit(10**6)
N = 300
grid = [[0] * N for _ in range(N)]
for i in range(N - 1):
    grid[i][N // 2] = 1


def fill(g, r, c, n):
    if r < 0 or c < 0 or r >= n or c >= n or g[r][c] != 0:
        return 0
    g[r][c] = 2
    return 1 + fill(g, r + 1, c, n) + fill(g, r - 1, c, n) + fill(g, r, c + 1, n) + fill(g, r, c - 1, n)


def total(n):
    return 0 if n == 0 else n + total(n - 1)


print(fill(grid, 0, 0, N), sum(row.count(2) for row in grid))
print(total(200000))
