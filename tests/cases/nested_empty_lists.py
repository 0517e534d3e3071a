# modjit: strict
# Rows that start empty and get appended to (an adjacency list [[] for _ in
# range(n)] filled by adj[u].append((v, w))): compiled, not an internal error.
def f():
    a = [[]]
    a[0].append(1)
    return a
def build(n, edges):
    adj = [[] for _ in range(n)]
    for u, v, w in edges:
        adj[u].append((v, w))
        adj[v].append((u, w))
    return adj
def grid(n):
    g = [[[] for _ in range(n)] for _ in range(n)]
    g[1][0].append(2.5)
    return g
def total(adj):
    t = 0
    for row in adj:
        for v, w in row:
            t += v * w
    return t
edges = [(i, (i * 7 + 3) % 50, i % 9 + 1) for i in range(50)]
s = 0
for k in range(200):
    s += total(build(50, edges))
print(f(), s, grid(2))
