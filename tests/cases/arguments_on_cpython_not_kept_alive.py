# Calls whose arguments' values send them to CPython (a list of objects, a
# mixed list) remember those arguments by address only: holding them kept
# the last one alive until another call took its place, so its items'
# __del__ ran late and weak references stayed alive.
import weakref


class R:
    def __del__(self):
        print("freed")


def f(a):
    return len(a)


def g(a, b=0):
    return 2


x = [R()]
print(f(x))
x = None
print("after the list")

t = (1, R())
print(f(t))
del t
print("after the tuple")

print(g(1, b=[R()]))
print("after the keyword")


class Plain:
    pass


results = []
for label, make in (("list", lambda o: [o]), ("tuple", lambda o: (o, 1)), ("nested", lambda o: [[o]]),
                    ("mixed", lambda o: [o, 1, 2.5])):
    o = Plain()
    w = weakref.ref(o)
    c = make(o)
    f(c)
    f(c)  # the same objects again: remembered
    del c, o
    results.append((label, w() is not None))
print(results)


def total(xs):
    s = 0
    for v in xs:
        s += v
    return s


for k in range(5):  # a mixed list, then lists the compiled code takes, at reused addresses
    print(total([1, 2.5, k] if k % 2 else [1, 2, k]))
