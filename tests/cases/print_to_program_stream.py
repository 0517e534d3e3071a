# Compiled code printing to a stream of the program's own: its write() runs when
# print is called, as under CPython (counting lines, raising), while a plain
# stream (a StringIO, redirect_stdout) still gets everything in order.
import contextlib
import io
import sys

count = 0


class Counter:
    def write(self, s):
        global count
        count += 1
        sys.__stdout__.write(s)

    def flush(self):
        pass


class Broken:
    def write(self, s):
        raise RuntimeError("stream broken")

    def flush(self):
        pass


def hello(n):
    for i in range(n):
        print("hello", i)
    return count


def logged(a, n):
    print("x", n)
    a.append(n)
    return len(a)


sys.stdout = Counter()
r = hello(3)
sys.stdout = sys.__stdout__
print(r, count)

L = [0]
sys.stdout = Broken()
try:
    logged(L, 1)
except RuntimeError as e:
    msg = str(e)
sys.stdout = sys.__stdout__
print(msg, L)

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    total = sum(logged(L, k) for k in range(5))
    hello(2)
print(total, L, repr(buf.getvalue()))
print(hello(2), logged(L, 9))
