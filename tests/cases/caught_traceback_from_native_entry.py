# A traceback the program catches and prints itself, of an error raised in a
# compiled function called from CPython through its native entry (every call
# from CPython after the first): the caller's frame, then the function's line,
# and no frame of modjit's between them.
import sys
import traceback


def div(a, b):
    return a // b


def get(xs, i):
    return xs[i]


try:  # (a try runs on CPython: these first calls from CPython build the native entries)
    print(div(7, 2), get([1, 2, 3], 1))
finally:
    pass
for args in ((1, 0), (5, 0)):
    try:
        div(*args)
    except ZeroDivisionError:
        print(traceback.format_exc())
try:
    get([1, 2, 3], 5)
except IndexError as e:
    tb = e.__traceback__
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(frames)
    traceback.print_exc(file=sys.stdout)
