def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
def power(b, e):
    return b ** e
for n in (5, 20, 21, 25, 30):
    print(n, fact(n))
print(fib(90), fib(92), fib(93), fib(100))
print(power(2, 62), power(2, 63), power(2, 70), power(-2, 63), power(3, 40))
