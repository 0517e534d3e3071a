def m(a, b):
    return a % b
print(m(7.5, 2.0))
m(1.0, 0.0)
