# A list a top-level loop makes itself is fresh (its stores keep no undo
# record) only if no compiled function the loop calls can reach the name:
# one that rebinds it to an older list (`global work; work = OLD`), or
# stores an older list into it, makes the loop's later stores changes of a
# list the program sees, which a hand-over must undo before CPython re-runs.
OLD = [0, 0]


def alias():
    global work
    work = OLD
    return 1


work = [9, 9]
z = 3
for t in range(4):
    work = [t, t]
    if t == 2:
        alias()
    work[1] += 10
    z = z * 2**20
print(OLD, work, z)

ROW = [0, 0, 0]


def corrupt():
    grid[0] = ROW


grid = [[0] * 3]
big = 1
for t in range(3):
    grid = [[0] * 3 for _ in range(3)]
    corrupt()
    grid[0][1] += 1
    if t == 2:
        big = big * 2**62 * 4
print(ROW, big)


def unrelated(k):
    return k * 2


buf = [1]
total = 0
for t in range(5):
    buf = [t] * 4  # fresh: unrelated() cannot reach buf
    buf[0] += unrelated(t)
    total += buf[0]
    if t == 4:
        total = total * 2**62 * 4
print(buf, total)
