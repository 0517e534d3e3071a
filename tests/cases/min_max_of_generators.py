# modjit: strict
# max() / min() of a generator expression: the first item, then each one that
# compares greater (less), as CPython's min_max keeps them: NaNs, ints and
# floats mixed, bools, tuples, conditions; of nothing, CPython's ValueError.
import math
def spread(xs):
    return max(abs(x - xs[0]) for x in xs), min(x * 2 for x in xs if x > 0)
def mixed(xs):
    return max(x if i % 2 else i for i, x in enumerate(xs)), min(i - x for i, x in enumerate(xs))
def nans(xs):
    return max(x for x in xs), min(x for x in xs)
def bools(xs):
    return max(x > 2 for x in xs), min(x > 2 for x in xs)
def best_pair(xs):
    return max((x, -i) for i, x in enumerate(xs))
def empty(xs):
    return max(x for x in xs if x > 100)
xs = [float(i % 13) - 4.5 for i in range(1000)]
print(spread(xs), mixed(xs[:9]), mixed([3, 1, 2]), bools([1, 5, 2]), best_pair([3, 9, 9, 2]))
print(nans([1.0, float("nan"), 3.0]), nans([float("nan"), 1.0, 3.0]), nans([2, 2.0, 1]))
print(max(i * i % 7 for i in range(100)), min(t / 3 for t in range(1, 7)))
try:
    print(empty(xs))
except ValueError as e:
    print("ValueError", e)
