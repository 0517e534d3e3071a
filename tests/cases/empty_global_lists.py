# Globals bound to an empty list are typed by what compiled code puts in them
# (`results = []` then `results.append(x)`); reads of a list still empty, other
# element types and overflows after appends give CPython's results.
acc = []
out = []
for v in acc:
    print(v)
print(len(acc), sum(acc), acc)
def add(x):
    acc.append(x)
    return len(acc)
for i in range(3):
    add(i)
add(2.5)
print(acc)
def total():
    s = 0
    for v in out:
        s += v
    return s
print(total())
out.append(3)
print(total())
res = []
def collect(n):
    for i in range(n):
        res.append((i, i * 0.5))
collect(3)
print(res)
empty = []
def first():
    return empty[0]
try:
    first()
except IndexError as e:
    print("IndexError", e)
x = []
x += [1, 2]
print(x)
squares = []
for i in range(6):
    squares.append(i * i)
print(squares)
powers = []
for i in range(70):  # 2 ** 63 leaves 64 bits: the appends are undone, CPython re-runs
    powers.append(2 ** i)
print(len(powers), powers[-1])
grid = []
for i in range(3):
    grid.append([i] * 2)
    grid[i].append(-i)
print(grid)


# an item store into a global empty list is no binding of its name
# (it made the name a never-bound local: NameError, UnboundLocalError)
e = []
if e:
    e[0] = 1
print(e)


def store_first(v):
    if e:
        e[0] = v
    else:
        e.append(v)
    return e


print(store_first(3), store_first(4))
