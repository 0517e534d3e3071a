# Attributes a program keeps on its functions are the functions' own: a call
# counter, a cache dict, names that modjit might use itself, vars(), __doc__,
# __code__ swapped, also for a function that ends up running on CPython.
def label(n):
    label.calls += 1
    return str(n) + "!"


label.calls = 0
for i in range(300):
    label(i)
print(label.calls, label(7))


def area(w, h):
    """Area of a w by h rectangle."""
    area.seen.append(w)
    return w * h


area.seen = []
area.fn, area.specs, area.fast, area.node, area.rt = 0, "s", [1], None, 2.5
total = 0
for i in range(3000):
    total += area(i, 3)
print(total, len(area.seen), area.fn, area.specs, area.fast, area.node, area.rt)
print(sorted(vars(area)), area.__doc__, area.__module__, hasattr(area, "__wrapped__"))
del area.fn
print("fn" in vars(area), getattr(area, "fn", "gone"))


def double(x):
    return x * 2


def triple(x):
    return x * 3


for i in range(2000):
    double(i)
double.__code__ = triple.__code__
print(double(5), double.__name__)
double.__name__ = "renamed"
print(double.__name__, double.__qualname__)


# A function kept in a dict or a list before its name got the plain function
# back (its calls run on CPython) is still found by that name.
def on_text(s):
    return s.upper()


handlers = {on_text: "text"}
callbacks = [on_text]
for word in ("a", "b") * 50:
    on_text(word)
print(handlers.get(on_text, "missing"), on_text in callbacks, callbacks.index(on_text),
      on_text == callbacks[0], on_text != callbacks[0], len({on_text, callbacks[0]}))
