print("hi")


def f():
    h = 1
    global h
