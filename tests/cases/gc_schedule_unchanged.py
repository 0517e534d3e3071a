# The program's garbage is collected when python3 would collect it: the
# compiler's own allocations (between the program's statements, at a first
# call) do not bring its collections forward.
import gc


class Resource:
    def __init__(self, name):
        self.name = name
        self.me = self  # a cycle: only the collector frees it

    def __del__(self):
        print("del", self.name)


def area(w, h):
    return w * h


gc.collect()
for i in range(3):
    Resource(i)
total = area(3, 4) + area(5, 6)  # compiled at its first call
x = 1 + 2
print("before collect", total, x)
print(gc.collect())
print("after")
for i in range(10):
    Resource(f"r{i}")
s = 0
for k in range(100):
    s += area(k, 2)
print(gc.collect(), s)
