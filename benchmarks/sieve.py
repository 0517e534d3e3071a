"""Sieve of Eratosthenes over a list of bools; prime count and checksum."""


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    count = 0
    checksum = 0
    for k in range(n + 1):
        if flags[k]:
            count += 1
            checksum = (checksum * 31 + k) % 1000000007
    return count, checksum


print(sieve(10000000))
