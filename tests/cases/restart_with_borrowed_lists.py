# A function that only indexes its list parameters works on copies of their
# items (borrowed lists), put back when it returns.  A restart leaves the lists
# as they were (nothing put back), also when called from CPython, where the
# put-back is not journaled: the increments before the restart must not stay.


def bump(a, n):
    i = 0
    while i < n:
        a[i % 2] += 1
        i += 1
    return a[0]


def scale(xs, n):
    i = 0
    while i < n:
        xs[i % len(xs)] *= 1.0000001
        i += 1
    return xs[0]


A = [0, 0]
try:  # (a top-level try runs on CPython: the calls come from CPython)
    bump(A, 600000)
    print(round(scale([1.0, 2.0, 3.0], 600000), 9))
except ValueError:
    pass
print(A)


def on_cpython():
    d = {}  # (a dict: this function runs on CPython)
    B = [1, 1]
    d["r"] = bump(B, 600000)
    return B, d


print(on_cpython())
C = [5, 5]
print(bump(C, 600000), C)
