# modjit: strict
# for over a tuple display of plain values (numbers, pairs of numbers): walked
# from the stack; break, continue and else as in any loop.
def f(n):
    c = 0
    for i in range(n):
        for d in (-1, 0, 1):
            c += d * i
    return c

def life(g, n):
    out = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            k = 0
            for di, dj in ((-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)):
                ii, jj = i + di, j + dj
                if 0 <= ii < n and 0 <= jj < n:
                    k += g[ii][jj]
            out[i][j] = 1 if k == 3 or (k == 2 and g[i][j]) else 0
    return out

def fl(x):
    s = 0.0
    for w in (0.25, 0.5, 0.25):
        s += w * x
        if s > 100.0:
            break
    else:
        s += 1.0
    for b in (True, False):
        if b:
            continue
        s -= 0.5
    a, b2 = 3, 4
    for v in (a, b2, a + b2):
        s += v
    return s

g = [[(i * j) % 3 == 0 for j in range(20)] for i in range(20)]
g = [[1 if x else 0 for x in row] for row in g]
for _ in range(5):
    g = life(g, 20)
print(f(100000), sum(sum(r) for r in g), fl(2.0), fl(1000.0))
