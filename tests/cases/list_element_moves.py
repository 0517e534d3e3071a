# Swaps and rotations of list items move the item objects, as CPython does:
# the order of reads and stores (a target's index read after the store
# before it), IndexError as a read's or as a store's with the stores before
# it kept, lists seen by the caller, floats keeping their identity.


def swap(a, i, j):
    a[i], a[j] = a[j], a[i]


def rotate(a, b, c, i):
    a[i], b[i], c[i] = b[i], c[i], a[i]


def first_missing_positive(nums):
    n = len(nums)
    for i in range(n):
        while 1 <= nums[i] <= n and nums[nums[i] - 1] != nums[i]:
            nums[nums[i] - 1], nums[i] = nums[i], nums[nums[i] - 1]
    for i in range(n):
        if nums[i] != i + 1:
            return i + 1
    return n + 1


def cycle_sort(a):
    n = len(a)
    for i in range(n):
        while a[i] != i:
            a[a[i]], a[i] = a[i], a[a[i]]
    return a


def float_swaps(xs, n):
    total = 0.0
    for k in range(n):
        i = (k * 7) % len(xs)
        j = (k * 13) % len(xs)
        xs[i], xs[j] = xs[j], xs[i]
        total += xs[i] - xs[j]
    return total


ints = [5, 3, 8, 1]
swap(ints, 0, 3)
swap(ints, -1, 1)
print(ints)
a, b, c = [1, 2], [3, 4], [5, 6]
rotate(a, b, c, 1)
rotate(a, b, c, -2)
print(a, b, c)
print(first_missing_positive([3, 4, -1, 1]), first_missing_positive([7, 8, 9, 11, 12]),
      first_missing_positive([1, 2, 0]), first_missing_positive([2, 1, 4, 3, 6, 5]))
print(cycle_sort([3, 0, 4, 1, 2]))
fs = [0.5 * i for i in range(9)]
ids = sorted(map(id, fs))
print(float_swaps(fs, 1000), fs, sorted(map(id, fs)) == ids)  # the same float objects, moved
print(swap([1.5, 2.5], 0, 1), [[1, 2], [3, 4]])
def put(a, i, j):
    a[i], a[j] = a[0], a[1]


for fn, args in ((swap, (ints, 0, 9)), (swap, (ints, 9, 0)), (put, (ints, 3, 9)), (put, (ints, 9, 2))):
    try:
        fn(*args)
    except IndexError as e:
        print("IndexError:", e, ints)
rows = [[1, 2], [3, 4]]


def swap_rows(m):
    m[0], m[1] = m[1], m[0]
    return m


print(swap_rows(rows), rows)
