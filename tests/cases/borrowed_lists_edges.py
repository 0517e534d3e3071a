# Borrowed lists (frontend/arrays.py) at their edges, found by a hunt: the put-back on
# the error path past a full journal, loop bounds that could raise, a parameter used
# as a list being the borrowed one, stores of the same bits, NaNs stored before a raise


# -- A_journal_error_path
def f_0(a):
    for i in range(len(a)):
        a[i] += 1
    return a[len(a)]          # IndexError after the loop

def g_0(a):
    return f_0(a)

a = [0] * 2_100_000
try:
    g_0(a)
except IndexError as e:
    print(e)
print(sum(a), a[0], a[-1])


# -- B_bounds_at_entry
def f_1(p, n, k):
    if k == 0:
        return -1
    for i in range(n // k):
        p[i] += 1
    return 0

print(f_1([1, 2, 3], 3, 0))


# -- B2_bounds_at_entry
def f_2(p, n, k):
    p[0] = 99
    for i in range(n // k):
        p[i] += 1
    return 0

a = [1, 2, 3]
try:
    f_2(a, 3, 0)
except ZeroDivisionError as e:
    print(e)
print(a)


# -- C_alias_unborrowed
def f_3(p, q):
    t = 0
    for i in range(len(p)):
        p[i] += 1
        if 1 in q:
            t += 1
    return t

a = [1, 2, 3]
print(f_3(a, a), a)


# -- C2_alias_unborrowed
def f_4(p, q):
    for i in range(len(p)):
        p[i] += 10
    q[0:1] = [7, 7]
    return 0

a = [1, 2, 3]
f_4(a, a)
print(a)


# -- D_same_bits_nan
def f_5(a):
    for i in range(len(a)):
        a[i] = a[i] * 1.0
    return 0

nan = float('nan')
a = [nan, 1.0]
f_5(a)
print(nan in a, a.count(nan))


# -- D2_identity
def f_6(a):
    for i in range(len(a)):
        a[i] = a[i] + 0.0
    return 0

try:                       # (setup on CPython, so the list holds x itself)
    x = 1.5
    a = [x, x]
    f_6(a)
    print(a[0] is x, a[0] is a[1])
except Exception:
    pass


# -- E_nan_error_path
def f_7(a):
    x = a[0] - a[0]           # inf - inf: one NaN object in CPython
    for i in range(1, len(a)):
        a[i] = x
    return a[len(a)]          # IndexError

a = [float('inf'), 1.0, 2.0]
try:
    f_7(a)
except IndexError as e:
    print(e)
print(a.count(a[1]), a[1] in a[2:])
