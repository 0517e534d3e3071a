x = 0.0
def d(a):
    return 1.5 / a
print(d(2.0))
print(d(x))
