# shuffle near the recursion limit: CPython refuses at its frame, _randbelow's frame,
# then getrandbits (a C call): the shuffles made and the draws must match
import random, sys
def rec(n, lst):
    if n > 100000:
        return 0
    random.shuffle(lst)
    lst[0] = n
    return rec(n + 1, lst) + 1
for lim in (60, 100, 101, 102, 1000):
    for items in ([1, 2, 3], [4, 5]):
        sys.setrecursionlimit(lim)
        random.seed(6)
        L = list(items)
        try:
            rec(0, L)
        except RecursionError as e:
            print(lim, L, e, random.random())
