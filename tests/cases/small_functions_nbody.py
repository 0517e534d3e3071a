# modjit: strict
# n-body written with small helper functions on tuples (the inlining case).
import math


def add3(a, b):
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub3(a, b):
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale3(a, k):
    return (a[0] * k, a[1] * k, a[2] * k)


def dot3(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def step(pos, vel, mass, dt):
    n = len(pos)
    for i in range(n):
        for j in range(i + 1, n):
            d = sub3(pos[i], pos[j])
            dist2 = dot3(d, d)
            mag = dt / (dist2 * math.sqrt(dist2))
            vel[i] = sub3(vel[i], scale3(d, mass[j] * mag))
            vel[j] = add3(vel[j], scale3(d, mass[i] * mag))
    for i in range(n):
        pos[i] = add3(pos[i], scale3(vel[i], dt))


def energy(pos, vel, mass):
    e = 0.0
    n = len(pos)
    for i in range(n):
        e += 0.5 * mass[i] * dot3(vel[i], vel[i])
        for j in range(i + 1, n):
            d = sub3(pos[i], pos[j])
            e -= mass[i] * mass[j] / math.sqrt(dot3(d, d))
    return e


def simulate(steps):
    pos = [(0.0, 0.0, 0.0), (4.84, -1.16, -0.10), (8.34, 4.12, -0.40), (12.89, -15.11, -0.22)]
    vel = [(0.0, 0.0, 0.0), (0.60, 2.81, -0.02), (-1.01, 1.82, 0.008), (1.08, 0.86, -0.01)]
    mass = [39.47, 0.037, 0.011, 0.0017]
    print(f"{energy(pos, vel, mass):.9f}")
    for _ in range(steps):
        step(pos, vel, mass, 0.01)
    print(f"{energy(pos, vel, mass):.9f}")
    return pos[1]


print(simulate(2000))
