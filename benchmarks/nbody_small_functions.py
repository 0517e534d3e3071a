"""n-body written with small vector helpers on tuples (the inlining case)."""
import math


def add3(a, b):
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub3(a, b):
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale3(a, k):
    return (a[0] * k, a[1] * k, a[2] * k)


def dot3(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def advance(pos, vel, mass, dt, steps):
    n = len(pos)
    for _ in range(steps):
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


PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS = 365.24
pos = [(0.0, 0.0, 0.0),
       (4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01),
       (8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01),
       (1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01),
       (1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01)]
vel = [(0.0, 0.0, 0.0),
       (1.66007664274403694e-03 * DAYS, 7.69901118419740425e-03 * DAYS, -6.90460016972063023e-05 * DAYS),
       (-2.76742510726862411e-03 * DAYS, 4.99852801234917238e-03 * DAYS, 2.30417297573763929e-05 * DAYS),
       (2.96460137564761618e-03 * DAYS, 2.37847173959480950e-03 * DAYS, -2.96589568540237556e-05 * DAYS),
       (2.68067772490389322e-03 * DAYS, 1.62824170038242295e-03 * DAYS, -9.51592254519715870e-05 * DAYS)]
mass = [SOLAR_MASS, 9.54791938424326609e-04 * SOLAR_MASS, 2.85885980666130812e-04 * SOLAR_MASS,
        4.36624404335156298e-05 * SOLAR_MASS, 5.15138902046611451e-05 * SOLAR_MASS]
print(f"{energy(pos, vel, mass):.9f}")
advance(pos, vel, mass, 0.01, 200000)
print(f"{energy(pos, vel, mass):.9f}")
