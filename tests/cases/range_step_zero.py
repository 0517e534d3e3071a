def count(a, b, s):
    n = 0
    for i in range(a, b, s):
        n += 1
    return n
print(count(0, 10, 3), count(10, 0, -3), count(5, 5, 1), count(-5, 5, 7))
count(0, 10, 0)
