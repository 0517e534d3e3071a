# modjit: strict
import math
def best(ws):
    lo = float("inf")
    hi = float("-inf")
    for w in ws:
        if w < lo:
            lo = w
        if w > hi:
            hi = w
    return lo, hi, float("nan") != float("nan"), int("12") + 1, float(" 1e3 ")
print(best([3.5, -2.0, 7.25]))
def order(a):
    b = sorted(a, reverse=True)
    a.sort(reverse=True)
    c = sorted(a, reverse=False)
    return b, c
x = [3, 1, 2, 5]
print(order(x), x)
def dijkstra_like(dist, n):
    best = float("inf")
    at = -1
    for i in range(n):
        if dist[i] < best:
            best = dist[i]
            at = i
    return at, best, best == math.inf
print(dijkstra_like([float("inf"), 4.0, 2.5, float("inf")], 4))
print(dijkstra_like([float("inf")] * 3, 3))
def pairs(ps):
    ps.sort(reverse=True)
    return sorted(ps, reverse=1)[0]
print(pairs([(1, 2.0), (3, 1.0), (3, 0.5)]))
