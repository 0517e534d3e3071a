# modjit: strict
def search(n, target):
    i = 0
    found = -1
    while i < n:
        i += 1
        if i % 2 == 0:
            continue
        if i * i == target:
            found = i
            break
    else:
        found = -2
    return found
def primes(n):
    out = 0
    for k in range(2, n):
        for d in range(2, k):
            if d * d > k:
                out += 1
                break
            if k % d == 0:
                break
        else:
            out += 1
    return out
print(search(20, 49), search(20, 50), search(0, 1), primes(200))
