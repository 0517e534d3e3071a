# modjit: strict
# and/or of operands of different types in a test (if, while, a conditional
# expression) only needs their truths: compiled, short-circuit kept.
def step(cell, n):
    if cell and n == 2:
        return 1
    return 1 if n == 3 or (cell and n == 2) else 0
def step2(cell, n, x):
    k = 0
    while k < n and (x or k < 2) and not (k == 7 and cell):
        k += 1
    if (cell or x) and (n > 1 or 0.5):
        k += 100
    return k
t = 0
for i in range(3000):
    t += step(i % 2, i % 5) + step2(i % 2, i % 9, i % 3 * 0.5)
print(t, step(0, 2), step(1, 2), step2(0, 0, 0.0), step2(1, 9, 0.0))
