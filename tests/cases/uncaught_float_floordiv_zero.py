def d(a, b):
    return a // b
print(d(7.0, -2.0), d(-7.0, 2.0), d(0.0, -3.0))
d(1.0, 0.0)
