# modjit: strict
# Recursive functions returning lists (merge sort, quicksort, a tree flattened):
# len() of the recursive call's result, typed at a later round of inference.
def merge_sort(a):
    if len(a) <= 1:
        return a
    m = len(a) // 2
    l = merge_sort(a[:m])
    r = merge_sort(a[m:])
    out = []
    i = j = 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    out.extend(l[i:]); out.extend(r[j:])
    return out
data = [(i * 2654435761) % 1000003 for i in range(3000)]
s = merge_sort(data)
print(s[:3], s[-1])
def quicksort(a):
    if len(a) <= 1:
        return a
    p = a[len(a) // 2]
    left = [x for x in a if x < p]
    mid = [x for x in a if x == p]
    right = [x for x in a if x > p]
    return quicksort(left) + mid + quicksort(right)

def flatten(t, depth):
    if depth == 0:
        return [t]
    r = flatten(t * 2, depth - 1)
    return r + flatten(t * 2 + 1, depth - 1)

def msort_f(a):
    n = len(a)
    if n < 2:
        return a[:]
    h = msort_f(a[:n // 2])
    t = msort_f(a[n // 2:])
    res = []
    while h and t:
        res.append(h.pop(0) if h[0] <= t[0] else t.pop(0))
    return res + h + t

print(quicksort([]), msort_f([]), quicksort([3.5, -1.0, 2.0]))
data2 = [(i * 7919) % 1009 for i in range(500)]
print(quicksort(data2)[:5], len(flatten(1, 8)), flatten(1, 3), msort_f([x * 0.5 for x in data2])[:4])
