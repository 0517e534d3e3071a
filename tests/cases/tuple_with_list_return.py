def pair(n):
    a = [float(i) for i in range(n)]
    return len(a), a
def use():
    k, v = pair(4)
    w = pair(3)
    return k + w[0] + len(v)
print(pair(3), use())
for r in range(3):
    print(pair(r))
