# isinstance() of compiled values is known from their types (bool is an int).
def kind(x):
    if isinstance(x, bool):
        return 0
    if isinstance(x, int):
        return 1
    if isinstance(x, (float, list)):
        return 2
    return 3
def norm(v):
    return [float(x) if isinstance(x, int) else x for x in v]
print(kind(True), kind(3), kind(2.5), kind([1]), kind((1, 2)), kind(None), kind("s"), kind(2**70))
print(norm([1, 2, 3]), norm([1.5, 2.0]), isinstance(norm([1]), list), isinstance((1,), tuple))
def half(x):
    if isinstance(x, float):
        return x / 2.0
    elif not isinstance(x, int):
        return None
    return x // 2
def halves(v):
    return [half(x) for x in v]
print(half(7), half(7.0), half(True), halves([3, 5]), halves([3.0, 5.5]))
int = float  # isinstance(x, int) now names another class: CPython
print(kind(3), kind(2.5))
print(half(7), half(7.0))
