# modjit: strict
def table():
    for a in range(-7, 8, 3):
        for b in (-3, -2, 2, 3):
            print(a, b, a // b, a % b, divmod(a, b))
def ftable():
    for a in (-7.5, -0.0, 0.0, 2.25, 7.5):
        for b in (-2.0, 2.0, 0.5):
            print(a, b, a // b, a % b)
table()
ftable()
