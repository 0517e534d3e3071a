# Compiled functions keep a function's attributes; new defaults reach
# compiled callers that had the old ones as constants.
def f(a, b=2, c=3.5):
    return a * b + c


def loop(n):
    t = 0.0
    for i in range(n):
        t += f(i) + f(i, 3) + f(i, c=1.0) + f(a=i, b=1, c=0.0)
    return t


print(loop(20), f.__defaults__, f.__code__.co_argcount, f.__name__, f.__qualname__)
print(f.__globals__ is globals(), f.__closure__, f.__kwdefaults__, f.__doc__, f.__module__)
f.__defaults__ = (10, 0.0)
print(f(1), loop(3), f.__defaults__)
