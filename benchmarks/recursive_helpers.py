"""Recursive functions leaning on small helpers (the inlining case, recursion)."""


def clamp(x, lo, hi):
    return lo if x < lo else (hi if x > hi else x)


def mix(a, b):
    return (a * 31 + b) % 1000003


def walk(n, acc):
    if n == 0:
        return acc
    return walk(n - 1, mix(acc, clamp(n % 97, 5, 90)))


def tree(depth, seed):
    if depth == 0:
        return clamp(seed % 13, 2, 11)
    left = tree(depth - 1, mix(seed, 1))
    right = tree(depth - 1, mix(seed, 2))
    return mix(left, right)


total = 0
for k in range(2400):
    total = mix(total, walk(800, k))
print(total)
print(tree(21, 7))
