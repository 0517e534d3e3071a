def count(n):
    dp = [0] * (n + 1)
    dp[0] = 1
    for i in range(1, n + 1):
        dp[i] = dp[i - 1] * 3
    return dp[n]

def grid_paths(r, c):
    g = [[1] * c for _ in range(r)]
    for i in range(1, r):
        for j in range(1, c):
            g[i][j] = g[i - 1][j] + g[i][j - 1]
    return g[r - 1][c - 1]

def pascal(n):
    rows = [[1]]
    for i in range(1, n):
        prev = rows[-1]
        row = [1] * (i + 1)
        for j in range(1, i):
            row[j] = prev[j - 1] + prev[j]
        rows.append(row)
    return rows[-1][n // 2]

print(count(10), count(100))
print(grid_paths(5, 5), grid_paths(40, 40))
print(pascal(10), pascal(80))
