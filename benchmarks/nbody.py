import math
def advance(xs, ys, zs, vx, vy, vz, m, n, dt, steps):
    for s in range(steps):
        for i in range(n):
            for j in range(i + 1, n):
                dx = xs[i] - xs[j]
                dy = ys[i] - ys[j]
                dz = zs[i] - zs[j]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * math.sqrt(d2))
                vx[i] -= dx * m[j] * mag
                vy[i] -= dy * m[j] * mag
                vz[i] -= dz * m[j] * mag
                vx[j] += dx * m[i] * mag
                vy[j] += dy * m[i] * mag
                vz[j] += dz * m[i] * mag
        for i in range(n):
            xs[i] += dt * vx[i]
            ys[i] += dt * vy[i]
            zs[i] += dt * vz[i]
def energy(xs, ys, zs, vx, vy, vz, m, n):
    e = 0.0
    for i in range(n):
        e += 0.5 * m[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i])
        for j in range(i + 1, n):
            dx = xs[i] - xs[j]
            dy = ys[i] - ys[j]
            dz = zs[i] - zs[j]
            e -= m[i] * m[j] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e
n = 5
xs = [0.0, 4.84, 8.34, 12.89, 15.37]
ys = [0.0, -1.16, 4.12, -15.11, -25.91]
zs = [0.0, -0.10, -0.40, -0.22, 0.17]
vx = [0.0, 0.606, -1.01, 1.08, 0.979]
vy = [0.0, 2.81, 1.82, 0.868, 0.594]
vz = [0.0, -0.02, 0.008, -0.01, -0.034]
m = [39.47, 0.037, 0.011, 0.0017, 0.002]
print(energy(xs, ys, zs, vx, vy, vz, m, n))
advance(xs, ys, zs, vx, vy, vz, m, n, 0.01, 300000)
print(energy(xs, ys, zs, vx, vy, vz, m, n))
