# modjit: strict
def show(n):
    for i in range(n):
        print(i, i * 0.5, sep=", ", end="; ")
    print()
    print(1, 2, 3, sep="")
    print(n, end="")
    print(None, True, (1, 2.5))
show(4)
