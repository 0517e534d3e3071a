def mutate(a):
    a[0] = 100
    a.append(7)
    b = a
    b[1] = -1
    return len(a)
xs = [1, 2, 3]
print(mutate(xs), xs)
def neg_index(a):
    return a[-1], a[-len(a)], a[::-1], a[1:], a[:-1], a[::2]
print(neg_index([4, 5, 6, 7]))
def inplace_sort(a):
    a.sort()
    a.reverse()
    return a.index(3), a.count(1), 3 in a, 9 not in a
ys = [3, 1, 2, 1]
print(inplace_sort(ys), ys)
def pops(a):
    return a.pop(), a.pop(0), a
print(pops([1.5, 2.5, 3.5]))
def oob(a, i):
    return a[i]
try:
    oob([1, 2], 2)
except IndexError as e:
    print("IndexError", e)
def set_oob(a):
    a[-5] = 1
set_oob([1, 2, 3])
