def sh(a, b):
    return a << b, a >> b
print(sh(1, 10), sh(-7, 1), sh(5, 70), sh(-5, 70), sh(0, 100))
print(sh(3, 62))
sh(1, -1)
