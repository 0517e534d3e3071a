# A callee whose code generation refuses what inference let through (a
# global list whose items' type is not known yet) after its caller was
# built: the caller must not run, calling the callee's empty slot (it
# crashed the process); both run on CPython, with python3's output.
def inner():
    global vals
    vals = vals + [1]
    return 0


def middle():
    inner()
    return 0


def outer(n):
    t = 0
    for i in range(n):
        t += middle()
    return t


vals = []
print(middle(), vals)
print(outer(3), vals)
for k in range(2):
    print(outer(k), len(vals))
