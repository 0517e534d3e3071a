# Contest-style code run in a thread with a big stack and recursion limit: a
# DFS 200,000 deep, as python3 runs it (recursing through modjit's stand-in
# cost C stack per level: it crashed at 50,000-70,000), also after the main
# thread hit a RecursionError (the worker then failed at half the depth).
import sys
import threading


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


sys.setrecursionlimit(5000)
try:
    depth(6000)
except RecursionError as e:
    print("main:", e)


def after():
    print(depth(4900))


t = threading.Thread(target=after)
t.start()
t.join()


def dfs(u, adj, seen):
    seen[u] = True
    total = 1
    for v in adj[u]:
        if not seen[v]:
            total += dfs(v, adj, seen)
    return total


def main():
    n = 200000
    adj = [[] for _ in range(n)]
    for i in range(n - 1):
        adj[i].append(i + 1)
        adj[i + 1].append(i)
    print(dfs(0, adj, [False] * n))


sys.setrecursionlimit(10**6)
threading.stack_size(2**27)
threading.Thread(target=main).start()
