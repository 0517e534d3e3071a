# pop(i) and insert(i, v) on lists others see are journaled as one record
# each (the position and the item), not a copy of the list: undoing them on
# a hand-over must put every item back where it was, also past a full journal
# (262,144 records: the list is checkpointed from then on) and for positions
# CPython wraps (negative) or clamps (insert past either end).

S = list(range(100000))


def take():
    return S.pop(-1)


def put(v):
    S.insert(len(S), v)


def mid(i):
    return S.pop(i)


def ins(i, v):
    S.insert(i, v)


t = 0
for i in range(15000):
    t += take()
for i in range(5000):
    put(i)
print(t, len(S), S[-3:])
for i in range(3000):
    t += mid(-2) + mid(3)
    ins(-1, i)
    ins(-10**9, i)
    ins(10**9, -i)
print(t, len(S), S[:5], S[-5:])

L = [1, 2, 3, 4, 5]


def mess(n):
    a = L.pop(1)
    L.insert(0, 99)
    b = L.pop()
    L.insert(-2, 7)
    return a + b + n * n * n  # leaves 64 bits for a big n: the call hands over


print(mess(3), L)
print(mess(3037000500), L)


def errs(i):
    L.insert(2, 5)
    return L.pop(i)


try:
    errs(100)
except IndexError as e:
    print("IndexError", e, L)

C = list(range(10))


def churn(n, k):
    for i in range(n):
        C.insert(3, i)
        x = C.pop(2)
        C.insert(-1, x)
        C.pop()
    return n * k


print(churn(200000, 10), C)
print(churn(200000, 10**14), C)  # 800,000 records, then a hand-over
M = list(range(8))


def rotate(n, k):
    t = 0
    for i in range(n):
        M.insert(0, i)
        t += M.pop(-1)
    return t * k


print(rotate(150000, 3), M)
print(rotate(150000, 10**12), M)
