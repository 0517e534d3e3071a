# A function borrowing for too little work whose first call comes too deep for the runtime
# to compile it again there: asked again at a later call (found by a hunt: 90x python3)
def peek(a, i):
    s = 0
    for k in range(i, i + 2):
        s += a[k]
    return s

def rec(a, d):
    if d == 0:
        return peek(a, 0)
    x = {}                    # (keeps rec on CPython)
    return rec(a, d - 1)

a = list(range(200000))
print(rec(a, 940))            # first call of peek within 100 levels of the recursion limit
t = 0
for j in range(6000):
    t += peek(a, j)
print(t)
