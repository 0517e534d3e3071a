def abs(x):
    return -x
def use(v):
    return abs(v) + max(v, 2)
print(use(5), use(-3))
max = min
print(use(5))
