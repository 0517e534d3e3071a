# A warning shown once per place (the default filter) is shown once, however
# many top-level statements run between its calls, compiled ones included.
import warnings


def show(message, category, filename, lineno, file=None, line=None):
    print("warning:", message, category.__name__, lineno)


warnings.showwarning = show


def f(n):
    if n < 0:
        warnings.warn("negative")
    return n * 2


def g(x):
    return x + 1


print(f(-1))
print(f(-2))
x = g(3)
total = 0
for i in range(10):
    total += g(i)
print(f(-3), total)
warnings.warn("at top level")
warnings.warn("at top level")
for i in range(3):
    warnings.warn("in a loop")
