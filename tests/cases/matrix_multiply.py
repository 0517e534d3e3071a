# modjit: strict
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = [[0.0] * p for _ in range(n)]
    for i in range(n):
        for k in range(m):
            aik = a[i][k]
            row = b[k]
            for j in range(p):
                c[i][j] += aik * row[j]
    return c
def make(n, seed):
    return [[((i * 7 + j * 3 + seed) % 10) / 10.0 for j in range(n)] for i in range(n)]
c = matmul(make(12, 1), make(12, 2))
print(c[0][:4], c[11][11], sum(sum(r) for r in c))
