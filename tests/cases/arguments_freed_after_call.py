# An object passed to a function that runs on CPython is not kept alive by
# modjit: its __del__ runs where python3 runs it.
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("closing", self.name)


def f(x):
    return 1


def g(x, k):
    return k * 2


n = Node("a")
w = weakref.ref(n)
f(n)
del n
print(w() is None, "after del")
m = Node("b")
print(g(m, 3))
m = None
print("after rebind")
for i in range(3):
    print(f(Node(i)))
print("end")
