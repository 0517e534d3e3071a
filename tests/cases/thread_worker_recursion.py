# A recursive function compiled in the main thread and called in worker threads
# (a thread pool): there it runs on CPython, recursing as deep as under python3.
import threading
from concurrent.futures import ThreadPoolExecutor


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def tree_sum(lo, hi):
    if hi - lo <= 1:
        return lo
    mid = (lo + hi) // 2
    return tree_sum(lo, mid) + tree_sum(mid, hi)


print(depth(50), tree_sum(0, 1000))
with ThreadPoolExecutor(max_workers=2) as pool:
    print(list(pool.map(depth, [100, 400, 700])))
    print(pool.submit(tree_sum, 0, 5000).result())
out = []
t = threading.Thread(target=lambda: out.append(depth(600)))
t.start()
t.join()
print(out)
