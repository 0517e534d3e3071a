# Calls from CPython that reach a native entry's fall-back path (a default
# argument, a keyword) and whose specialization is retired by hand-overs while
# that path is on the stack: its code may be freed at once (ORC) and the call
# must still return.
def f(n, k=2):
    return n * k


def g(a, b=1.5, *, c=0):
    return a * b + c


log = {}
for i in range(6):
    log[i] = f(2**62) if i % 2 else f(2**62, k=2)
    log[-i] = f(i, k=i)
print(sorted(log.items()))
print(f(3), f(3, 3), f(n=4), g(2), g(2, c=1))
