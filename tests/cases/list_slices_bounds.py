# modjit: strict
def f(a, n):
    out = []
    for i in range(-n, n + 1):
        for j in range(-n, n + 1):
            out.append(a[i:j])
    out.append(a[:])
    out.append(a[2:])
    out.append(a[:-2])
    out.append(a[True:])
    out.append(a[-100:100])
    out.append(a[::2])
    out.append(a[::-1])
    out.append(a[1:-1:2])
    return out
r = f([1, 2, 3, 4, 5], 7)
print(len(r), r[:20], r[-9:])
print(f([], 2))
print(f([1.5, 2.5], 3)[-9:])
