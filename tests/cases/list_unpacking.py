# Unpacking a list into targets (x, y, z = p; for [a, b, c] in rows): its length
# is checked as it runs; a wrong one raises CPython's ValueError.
def norm(p):
    x, y, z = p
    return (x * x + y * y + z * z) ** 0.5
def walk(points):
    t = 0.0
    for [a, b, c] in points:
        t += a - b + c
    for q in points:
        (u, v, w) = q
        t += u * v * w
    return t
def swap(pair):
    a, b = pair
    pair[0], pair[1] = b, a
    return pair
pts = [[float(i), 2.0 * i, 3.5] for i in range(50)]
s = 0.0
for i in range(3000):
    s += norm(pts[i % 50])
print(round(s, 6), walk(pts), swap([1, 2]), swap([[1], [2, 3]]))
try:
    norm([1.0, 2.0])
except ValueError as e:
    print(e)
try:
    norm([1.0, 2.0, 3.0, 4.0])
except ValueError as e:
    print(e)
print(norm([1, 2, 2]))
