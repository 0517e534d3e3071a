def norm2(x, y):
    return x * x + y * y
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def length2(self):
        return norm2(self.x, self.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
vs = [Vec(1, 2), Vec(0.5, -1.5), Vec(3, 4)]
print([v.length2() for v in vs], vs)
print(sorted(vs, key=lambda v: v.length2()))


# A compiled top-level function bound as a method: the instance is its first argument.
def scaled(self, k):
    return self.base * k


class Scaler:
    base = 3
    times = scaled


print(Scaler().times(4), Scaler().times(2.5), Scaler.times(Scaler(), 7))
