# Functions with native arrays that hand over to CPython part-way: the call
# runs again on CPython from its start, so nothing is printed twice and the
# arrays (never seen outside) need no undo.


def powers(n):
    a = [1] * n
    print("powers of 3 up to", n)
    for i in range(1, n):
        a[i] = a[i - 1] * 3  # leaves 64 bits past 3**39: CPython goes on with big ints
    return a[n - 1], len(a)


def huge(n):
    a = [0] * n  # too large for compiled code: CPython raises its MemoryError
    return len(a)


def float_table(n, d):
    t = [0.0] * n
    for i in range(n):
        t[i] = 1.0 / (d - i)  # ZeroDivisionError from compiled code
    return t[0]


def big_sum(n):
    big = [2 ** 62] * n
    return sum(big)  # leaves 64 bits: CPython goes on with big ints


def empty_sum(n):
    fl = [0.5] * n
    return sum(fl)  # no items: the int 0


def empty_max(n):
    a = [1] * n
    return max(a)


print(big_sum(1), big_sum(3), empty_sum(0), empty_sum(2))
try:
    empty_max(0)
except ValueError as e:
    print("ValueError:", e)
print(powers(10))
print(powers(50))
try:
    print(huge(1 << 50))
except MemoryError:
    print("MemoryError")
try:
    print(huge(1 << 62))
except MemoryError:
    print("MemoryError")
print(huge(5))
print(float_table(3, 10))
try:
    float_table(5, 3)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)



def with_nan(n):
    a = [0.0] * n
    a[1] = float("nan")
    return a  # CPython's list holds its NaN object, found by identity: hands over


x = with_nan(3)
print(x, x[1] in x, with_nan(2)[1] in with_nan(2))
