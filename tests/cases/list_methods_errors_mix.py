def tri(n):
    t = []
    for i in range(n):
        t.append(i * (i + 1) // 2)
    return t

def mean(xs):
    return sum(xs) / len(xs)

def main():
    t = tri(10)
    print(t, mean(t))
    a = [5, 3, 9, 1]
    a.reverse()
    a.insert(1, 7)
    print(a, a.pop(), a.pop(0), a)
    b = a * 2
    b.extend([4, 4])
    b.remove(4)
    print(b, len(b), b.count(4))
    pairs = list(zip([1, 2, 3], [4.0, 5.0, 6.0]))
    print(pairs, [x * y for x, y in pairs])
    for i, (x, y) in enumerate(pairs):
        print(i, x + y, end="; ")
    print()
    m = [[i * j for j in range(4)] for i in range(3)]
    print(m, [list(r) for r in zip(*m)])
    print(sorted(m, key=lambda r: -r[1]))
    s = 0
    for row in m:
        for v in row:
            s += v
    print(s, sum(map(sum, m)), max(max(r) for r in m))
    try:
        print(a[100])
    except IndexError as e:
        print("IndexError:", e)
    try:
        a[100] = 1
    except IndexError as e:
        print("IndexError:", e)
    try:
        [].pop()
    except IndexError as e:
        print("IndexError:", e)
    print(a[-1], a[-len(a)])
    n = 0
    while n < 5:
        n += 1
        if n == 2:
            continue
        print(n, end=" ")
    print()
    big = 1
    for i in range(70):
        big *= 2
    print(big, big.bit_length())
    f = 1.0
    for i in range(400):
        f *= 10.0
    print(f)
    print(1e308 * 10, -1e308 * 10)
    try:
        print(10.0 ** 400)
    except OverflowError as e:
        print("OverflowError:", e)

main()
