# A compiled function still looks like a function to the code around it:
# isinstance, inspect, type names in messages, pickling, copying, decorators.
import copy
import functools
import inspect
import pickle
import types


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return fn(*args)
    return wrapper


def square(x):
    return x * x


@logged
def cube(x):
    return x * x * x


total = 0
for i in range(3000):
    total += square(i) + cube(i)
print(total)
print(isinstance(square, types.FunctionType), inspect.isfunction(square), callable(square))
print(square.__name__, square.__qualname__, square.__module__, cube.__wrapped__.__name__)
print(type(square), type(square).__name__, type(square).__module__, type(square).__qualname__,
      inspect.signature(square))
print(pickle.loads(pickle.dumps(square))(12), copy.deepcopy(square) is square, copy.copy(square) is square)
print(sorted([3, -5, 1], key=square), list(map(square, [1.5, 2])))
for bad in (lambda: square + 1, lambda: square[0], lambda: len(square)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
square.calls = 3
print(square.calls, getattr(square, "missing", "none"))
