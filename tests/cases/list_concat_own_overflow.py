def f():
    p = [0] + [0]
    for i in range(60):
        p[1] = p[1] * 3 + 1
    return p[1]
print(f())
