# An object of the program's own that a compiled function or statement
# rebinds a global away from is released at the rebinding, as CPython does:
# its __del__ prints there (the undo journal, or a statement's snapshot,
# kept it alive until later).


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


x = Resource("a")


def rebind(n):
    global x
    print("before")
    x = n * 2
    print("after", x)


rebind(5)
x = Resource("b")
for i in range(3):
    x = i
    print(i)
y = Resource("c")
total = 0
for i in range(4):
    total += i
    y = total
print("end", x, y)
