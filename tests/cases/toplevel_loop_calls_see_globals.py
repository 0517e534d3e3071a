# modjit: strict
# A top-level loop caches the globals it assigns; before a call it writes
# back those the callee (or a callee of its callee) reads, and after it
# re-reads those the callee rebinds (`global`).  Calls that see none of them
# get neither: each must still see, and leave, exactly what python3's would.


def sq(x):
    return x * x


def scaled(x):
    return x * scale  # reads a global the loop rebinds


def deeper(x):
    return scaled(x) + offset


def bump(n):
    global count, last
    count += n
    last = n
    return count


def rows_total():
    return sum(row)  # a global list the loop rebinds


total = 0.0
scale = 1.0
offset = 0
count = 0
last = -1
row = [1, 2]
for k in range(2000):
    a = k * 0.5
    scale = 1.0 + k % 3
    offset = k % 5
    total += sq(a) + scaled(a) + deeper(k)
    if k % 400 == 0:
        row = [k, k + 1, k + 2]
    last = -2  # cached by the loop, rebound by bump: read again after the call
    count -= 1
    b = bump(k % 7) + count + last
    total += rows_total() + b
print(total, scale, offset, count, last, row, a, b, k)

n = 0
while n < 50:
    n += 1
    offset = n
    m = deeper(n) + bump(1)
print(n, m, count, offset)
