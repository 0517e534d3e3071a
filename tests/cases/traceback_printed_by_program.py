# A traceback the program formats itself (traceback.format_exc(), the frames of
# e.__traceback__) holds the program's frames only, as under python3: none of
# the dispatcher's or the runtime's, whether the error came from compiled code
# at a first call, later calls, or a function that runs on CPython.
import traceback


def inner(n):
    return 10 // n


def outer(n):
    s = 0
    for i in range(n, -1, -1):
        s += inner(i)
    return s


def bad(s):
    return s + 1


def frames(exc):
    names = []
    tb = exc.__traceback__
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return names


for k in range(3):
    try:
        outer(k)
    except ZeroDivisionError as exc:
        print(traceback.format_exc())
        print(frames(exc))
for arg in ("x", 2, "y"):
    try:
        print(bad(arg))
    except TypeError as exc:
        print(traceback.format_exc())
        print(frames(exc))
