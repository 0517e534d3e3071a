# Compiled code calling code on CPython that calls compiled code again (native
# entries), with exceptions and RecursionError crossing the mixed frames.

def leaf(x):
    return x * 3

def on_cpython(x):
    d = {"k": x}
    if x < 0:
        raise KeyError("neg")
    return leaf(d["k"]) + 1

def compiled_calls_cpython(n):
    s = 0
    for i in range(n):
        s += on_cpython(i)
    return s

print(compiled_calls_cpython(10))

class Box:
    def __init__(self, v):
        self.v = v
    def run(self):
        return compiled_calls_cpython(self.v)

print(Box(5).run())
try:
    print(compiled_calls_cpython(-1))
except KeyError as e:
    print("key", e)

def bad(n):
    return on_cpython(-n - 1)
try:
    bad(3)
except KeyError as e:
    print("key2", e)

def rec_mixed(n):
    if n == 0:
        return 0
    return via_cpython(n - 1) + 1

def via_cpython(n):
    l = [n]
    return rec_mixed(l[0])

print(rec_mixed(50))
try:
    rec_mixed(10 ** 5)
except RecursionError:
    print("recursion error")
print(sum(map(leaf, range(10))), sorted([3, 1, 2], key=leaf))
import functools
print(functools.reduce(lambda a, b: leaf(a) - b, range(6)))
