# modjit: traceback
# An error raised in compiled code, uncaught: the traceback names every frame
# it passed, compiled ones included, with CPython's lines and markers.
def divide(x):
    return 10 // x


def total(n):
    t = 0
    for i in range(n, -1, -1):
        t += divide(i)
    return t


def main():
    print(total(5))


main()
