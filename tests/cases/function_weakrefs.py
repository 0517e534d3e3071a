# Module-level functions can be weakly referenced (callback registries, memo
# tables keyed weakly), compare with mock.ANY, and keep both while their
# calls compile, run on CPython, or after the name gets its plain function back.
import weakref
from unittest.mock import ANY


def inc(x):
    return x + 1


def walk(s, n):  # calls itself with a str: the name gets its plain function back
    if n == 0:
        return s
    return walk(s + "x", n - 1)


r = weakref.ref(inc)
handlers = weakref.WeakSet([inc, walk])
memo = weakref.WeakKeyDictionary()
memo[inc] = "inc"
memo[walk] = "walk"
done = []


def unused(x):
    return x


weakref.finalize(unused, done.append, "finalized")

t = 0
for i in range(2000):
    t += r()(i)
print(t, r() is inc, len(handlers), memo[inc])
print(walk("a", 3), len(walk("", 200)), memo[walk], walk in handlers)
w = weakref.ref(walk)
print(w() is walk, w()("b", 2), memo.get(walk))
print(inc == ANY, [inc, walk] == [ANY, ANY], inc != ANY, inc.__eq__(walk), inc == inc)


def unused(x):  # the old one goes: its weak references die, its finalizer runs
    return x + 2


print(done, unused(1), r() is inc)
