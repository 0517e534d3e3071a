# sys.setrecursionlimit reaches compiled frames; recursion deeper than the C
# stack allows raises RecursionError in compiled code, and a recursion through
# a function that runs on CPython does not overflow the C stack.
import sys
sys.setrecursionlimit(100000)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def walk(node, adj, names):
    if not adj[node]:
        return names[node]
    return names[node] + "/" + walk(adj[node][0], adj, names)


def dfs(node, adj, seen):
    seen[node] = True
    total = 1
    for nxt in adj[node]:
        if not seen[nxt]:
            total += dfs(nxt, adj, seen)
    return total


print(depth(1500), depth(20000))
N = 20000
adj = [[i + 1] if i + 1 < N else [] for i in range(N)]
print(dfs(0, adj, [False] * N))
names = [str(i % 7) for i in range(N)]
print(len(walk(0, adj, names)))


def forever(n):
    return forever(n + 1) + 1


sys.setrecursionlimit(5000)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
