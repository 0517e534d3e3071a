def grow():
    x = 1
    for i in range(1, 30):
        x *= i
        print(i, x)
    return x
print(grow())
