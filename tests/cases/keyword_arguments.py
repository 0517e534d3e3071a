# Keyword arguments: compiled callers bind them to parameters (with defaults in
# between); calls from CPython with keywords reach compiled code too.
def lerp(a, b, t=0.5, clamp=False):
    if clamp:
        t = min(max(t, 0.0), 1.0)
    return a + (b - a) * t


def count(n):
    global calls
    calls += 1
    return n


def run(n):
    s = 0.0
    for i in range(n):
        s += lerp(0.0, 10.0, t=i / n) + lerp(b=2.0, a=1.0) + lerp(1.0, 3.0, clamp=True, t=1.5)
    return s


calls = 0
print(run(10), run(1000))
print(lerp(1, 2), lerp(1, 2, t=0.25), lerp(a=1.0, b=5.0, t=2.0, clamp=True), lerp(2.0, b=4, clamp=0))
print(lerp(t=count(1), a=count(2), b=count(3)), calls)  # evaluated in source order
try:
    lerp(1.0, 2.0, x=3)
except TypeError as e:
    print("TypeError", e)
try:
    lerp(1.0, a=2.0)
except TypeError as e:
    print("TypeError", e)
class Box:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi

    def at(self, t):
        return lerp(self.lo, self.hi, t=t, clamp=True)
b = Box(2.0, 4.0)
print([b.at(t / 4) for t in range(-1, 6)])
