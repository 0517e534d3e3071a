def d(a, b):
    return a / b
print(d(1, 3), d(-7, 2), d(2**60, 3))
d(5, 0)
