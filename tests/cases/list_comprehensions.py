def f(n):
    x = 2.5
    a = [x * x for x in range(n)]
    b = [i + j for i in range(3) for j in range(i) if (i + j) % 2 == 1]
    m = [[0.0] * 3 for _ in range(2)]
    m[1][2] = x
    return sum(v * v for v in a) + len(b), x, m
print(f(5))
x = 10
sq = [x * x for x in range(4)]
print(sq, x, max(q for q in sq if q < 5))
