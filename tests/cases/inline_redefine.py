# A small helper turns hot and is inlined into its hot caller; then code
# running on CPython rebinds the helper.  Later calls, from the compiled caller
# too, must use the new definition.


def scale(x):
    return x * 3


def cube(x):
    return x * x * x


def total(n):
    s = 0
    for i in range(n):
        s += scale(i)
    return s


for k in range(5):
    print(total(400 + k))


class Rebinder:
    def to_cube(self):
        global scale
        scale = cube  # a method: runs on CPython

    def to_nested(self):
        global scale

        def scale(x):  # a nested def: this method runs on CPython
            return x - 1
        return scale


Rebinder().to_cube()
print(total(400), total(5))
for k in range(3):
    print(total(300 + k))
Rebinder().to_nested()
print(total(400), total(5))
globals()["scale"] = lambda x: x // 2  # and to a lambda, through globals()
print(total(300), total(7))
