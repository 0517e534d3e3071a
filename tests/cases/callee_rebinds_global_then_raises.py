# A top-level loop keeps the globals it assigns in registers; a compiled
# callee that rebinds one under `global` and then raises leaves the binding
# it made (CPython's), not the loop's older value written back on the way out.
import atexit


def boom(k):
    global x, rows
    x = 2 + k
    rows = [k]
    return 1 // (k - 3)


def show():
    print(x, rows, i)


atexit.register(show)
x = 0
rows = []
for i in range(5):
    x = 1
    rows = [i, i]
    boom(i)
    x += 10
