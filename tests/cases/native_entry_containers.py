# Code running on CPython (methods, dict loops, map) calls compiled functions
# with tuples, nested tuples, lists and None: the native entry takes exact
# matches, anything else goes to the dispatcher; results, mutations seen by the
# caller, hand-overs and exceptions must all be CPython's.


def dist2(p, q):
    dx = p[0] - q[0]
    dy = p[1] - q[1]
    return dx * dx + dy * dy


def centre(box):
    (x0, y0), (x1, y1) = box
    return ((x0 + x1) / 2, (y0 + y1) / 2)


def scale(v, k):
    for i in range(len(v)):
        v[i] = v[i] * k
    return len(v)


def norm1(rows):
    s = 0
    for row in rows:
        for x in row:
            s += abs(x)
    return s


def area(t, unit):
    if unit is None:
        return t[0] * t[1]
    return t[0] * t[1] * unit


class Cloud:
    def __init__(self, pts):
        self.pts = pts
        self.names = {p: f"p{i}" for i, p in enumerate(pts)}

    def nearest(self, q):
        best = None
        for p in self.pts:
            d = dist2(p, q)
            if best is None or d < best[0]:
                best = (d, self.names[p])
        return best


cloud = Cloud([(i * 0.5, (i * 7) % 5 * 1.0) for i in range(40)])
for q in [(0.0, 0.0), (3.3, 2.2), (19.5, 4.0), (10, 1)]:
    print(q, cloud.nearest(q))
print(list(map(centre, [((0, 0), (2, 4)), ((1.0, 1.0), (2.0, 5.0)), ((0, 0.5), (1, 1))])))
boxes = {"a": ((0, 0), (3, 3)), "b": ((1, 2), (5, 9))}
for name in sorted(boxes):
    print(name, centre(boxes[name]))
vals = [1.5, -2.0, 0.25]
for _ in range(3):
    print(scale(vals, 2.0), vals)
ints = [1, 2, 3]
print(scale(ints, 3), ints)
mixed = [1.0, 2]
print(scale(mixed, 2.0), mixed)
grid = [[1, -2], [3, -4]]
print(norm1(grid), norm1([[0.5, -1.5]]), norm1([[1, 2], []]), norm1([[2**62, 2**62]]))
print(area((2, 3), None), area((2.0, 3), 1.5), area((2, 3), 2))
print(dist2((1, 2), (4, 6)), dist2((1.0, 2.0, 9.0), (4.0, 6.0)), dist2([1.0, 2.0], (4.0, 6.0)))
print(dist2((2**40, 0), (0, 0)), dist2((2**62, 0), (0, 0)))
try:
    dist2((1.0, "a"), (4.0, 6.0))
except TypeError as exc:
    print("TypeError:", exc)
print(dist2((1.0,), (4.0, 6.0)))
