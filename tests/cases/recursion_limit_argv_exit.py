import sys

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(ackermann(2, 3))
sys.setrecursionlimit(3000)

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(2000))
try:
    depth(100000)
except RecursionError as e:
    print("recursion:", e)

def hanoi(n, a, b, c, moves):
    if n == 0:
        return moves
    moves = hanoi(n - 1, a, c, b, moves)
    moves += 1
    return hanoi(n - 1, c, b, a, moves)
print(hanoi(16, 1, 2, 3, 0))

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(-48, 18), gcd(2**70, 2**65))

def power_mod(b, e, m):
    r = 1
    b %= m
    while e > 0:
        if e & 1:
            r = r * b % m
        b = b * b % m
        e >>= 1
    return r
print(power_mod(2, 1000, 1000000007), power_mod(3, 10**18, 998244353))
print(power_mod(12345678901, 65537, 2**61 - 1))

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    print("n =", n)
    return 3

if __name__ == "__main__":
    code = main()
    print(1 / 0 if code == 4 else "ok")
    sys.exit(code)
