"""Small helper functions called from an inner loop (the inlining case)."""


def dot3(ax, ay, az, bx, by, bz):
    return ax * bx + ay * by + az * bz


def norm2(x, y, z):
    return dot3(x, y, z, x, y, z)


def sweep(n):
    total = 0.0
    for i in range(n):
        x = (i % 17) * 0.25
        y = (i % 13) * -0.5
        z = (i % 7) * 0.125
        total += dot3(x, y, z, 1.0, 2.0, 3.0) + norm2(x, y, z)
    return total


print(f"{sweep(4000000):.3f}")
