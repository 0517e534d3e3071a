# A top-level statement with a generator expression that runs on CPython (or
# is handed over) runs as written: lazily, stopping where CPython stops; and
# any/all's own loop names never meet the program's (`v`, `stop`).
import itertools


def all_prime(nums):
    return all(v % w for v in nums for w in range(2, v))


def any_unserved(served):
    return any(not stop for stop in served)


words = ["apple", "kiwi", ""]
print(any(w[0] == "k" for w in words))
print(any(n * n > 50 for n in itertools.count()))
if any((w := x) > 4 for x in [1, 5, 2, 8, 3]):
    print("witness", w)
calls = 0


def big(x):
    global calls
    calls += 1
    return x > 3


print(any(big(x) for x in range(10)), calls, all(big(x) for x in range(5, 0, -1)), calls)
print(all_prime([7, 9]), all_prime([7, 11]), any_unserved([True, True]), any_unserved([True, False]))
print(sum(x * x for x in range(10**3)), max(2**64 + x for x in range(3)))
it = iter([3, 1, 4])
print(list(next(it) for _ in range(5)))
