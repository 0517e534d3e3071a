"""Dense matrix product of two lists of lists of floats."""


def make(n, seed):
    return [[((i * 131 + j * 71 + seed) % 97) / 97.0 for j in range(n)] for i in range(n)]


def matmul(a, b, n):
    c = [[0.0] * n for _ in range(n)]
    for i in range(n):
        ci = c[i]
        ai = a[i]
        for k in range(n):
            aik = ai[k]
            bk = b[k]
            for j in range(n):
                ci[j] += aik * bk[j]
    return c


def trace(c, n):
    t = 0.0
    for i in range(n):
        t += c[i][i]
    return t


n = 300
c = matmul(make(n, 1), make(n, 2), n)
print(f"{trace(c, n):.6f} {c[0][0]:.6f} {c[n - 1][n - 1]:.6f}")
