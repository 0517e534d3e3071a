# modjit: strict
# a * b % m of ints: the product may leave 64 bits, the result is exact
# (Python's modulo takes the sign of m); m == 0 raises CPython's error.
def mulmod(a, b, m):
    return a * b % m


def powmod(b, e, m):
    if e == 0:
        return 1 % m
    h = powmod(b, e // 2, m)
    h = h * h % m
    return h * b % m if e % 2 else h


def is_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = powmod(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


M = 2**61 - 1
big = 2**63 - 1
for a, b, m in ((3, 4, 5), (-3, 4, 5), (3, -4, 5), (3, 4, -5), (-3, -4, -5), (big, big, M), (big, -big, M),
                (-big - 1, -big - 1, big), (-big - 1, big, -M), (123456789123, 987654321987, 1000000007), (7, 0, -3)):
    print(a, b, m, mulmod(a, b, m))
print(powmod(3, 10**18, M), [n for n in (M, M - 2, 2**31 - 1, 10**18 + 9, 10**18 + 7) if is_prime(n)])
try:
    mulmod(2**40, 2**40, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
