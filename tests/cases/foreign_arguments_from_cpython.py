# A compiled helper called from code on CPython with arguments compiled code
# never takes (str, dict, objects): those calls run the plain function, by
# position and by keyword, raising as it raises; the numeric calls stay compiled.
import threading


def repeat(x, n):
    return x * n


def pad(v, width=1):
    return v + width


def describe(x, label="value"):
    return label, x


class Box:
    def __init__(self, v):
        self.v = v

    def __mul__(self, n):
        return Box(self.v * n)

    def __repr__(self):
        return f"Box({self.v})"


rows = []
total = 0
for i in range(3000):
    total += repeat(i, 3)
    rows.append(pad(repeat("ab", i % 4), width="|"))
    total += pad(i)
print(total, len(rows), rows[:6])

print(repeat(Box(2), 3), repeat([1, "x"], 2), repeat((1.5, "y"), 2))
print(describe(3), describe("s"), describe(label="k", x={"a": 1}))
for bad in [("a", "b"), (None, "z"), ({}, 2)]:
    try:
        repeat(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    pad("x", width="y", extra=1)
except TypeError as e:
    print("TypeError:", e)
try:
    pad()
except TypeError as e:
    print("TypeError:", e)

out = []
t = threading.Thread(target=lambda: out.append([repeat("t", k) for k in range(3)]))
t.start()
t.join()
print(out)


def depth(s, n):
    return s if n == 0 else depth(s + ".", n - 1)


print(depth(0, 5) if False else len(depth("", 400)), depth(1.5, 0))
print(repeat(2**70, 2), repeat(7, 2), repeat(True, 3), pad(1.5, 2))
