# A compiled frame reads a global from the value it last read for as long as
# the namespace's version tag is unchanged.  Every way a global can be rebound
# while a loop runs must still show at the next read: a compiled callee's
# `global`, a function running on CPython, a finalizer, another thread at the
# loop's poll, the loop's own `global` store, a rebinding to another type.
import threading
import time

MOD = 1000003
step = 3
scale = 2.0
table = [1, 2, 3]


def bump_step():
    global step
    step += 1
    return 0


def uses_step(n):
    s = 0
    for i in range(n):
        s = (s * 31 + i * step) % MOD
        if i == n // 2:
            bump_step()
    return s


print(uses_step(1000), step)


def rebind_from_cpython():
    global MOD
    exec("MOD = 999983", globals())  # on CPython, whatever the callee is


def mod_in_loop(n):
    s = 0
    for i in range(n):
        s = (s + i * i) % MOD
        if i == 10:
            rebind_from_cpython()
    return s


print(mod_in_loop(100), MOD)


def counts(n):
    global step
    total = 0
    for i in range(n):
        total += step
        step = i % 5
    return total


print(counts(50), step)


def typed_again(n):
    t = 0.0
    for i in range(n):
        t += scale
        if i == 3:
            rebind_scale()
    return t


def rebind_scale():
    global scale
    scale = 7  # an int now: the next read sees it


print(typed_again(10), scale)


def reads_table(n):
    s = 0
    for i in range(n):
        s += table[i % len(table)]
        if i == 5:
            swap_table()
    return s


def swap_table():
    global table
    table = [10, 20]


print(reads_table(12), table)


class Rebinder:
    def __del__(self):
        global MOD
        MOD = 97


def with_finalizer(n):
    last = 0
    kept = []
    for i in range(n):
        kept.append([i, i + 1])  # allocations: the collector runs the finalizer in some step
        last = (kept[-1][1] + MOD) % 1000000007
    return last


MOD = 1000003
r = Rebinder()
r.cycle = r
del r  # cyclic garbage, finalized at a later collection
print(with_finalizer(100000), MOD)

limit = 10**10  # (about 10 s of the loop: reached only if it never sees the change)
progress = [0]


def changer():
    global limit
    while progress[0] < 1000:  # until the loop runs
        time.sleep(0.001)
    limit = 5  # when the loop lets go of the GIL (a poll)


def spins():
    n = 0
    while n < limit:
        n += 1
        if n % 1024 == 0:
            progress[0] = n
    return n


t = threading.Thread(target=changer)
t.start()
print(spins() < 10**10)
t.join()
print(limit)

# at top level: a loop reading globals an earlier statement bound
N = 50
grid = [[i * j % 7 for j in range(N)] for i in range(N)]


def regrid():
    global grid
    grid = [[1] * N for _ in range(N)]
    return 0


total = 0
for i in range(1, N - 1):
    for j in range(1, N - 1):
        total += grid[i - 1][j] + grid[i][j + 1]
        if i == 25 and j == 1:
            regrid()
print(total)
