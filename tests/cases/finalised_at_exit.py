# The program's objects are finalised at exit as python3 finalises them: after
# its atexit functions, with the globals still in place, compiled functions
# still callable (from __del__ and a suspended generator's finally).
import atexit
import os
import tempfile

NAME = "world"


def sq(x):
    return x * x


class Logger:
    def __del__(self):
        print("closing", NAME, sq(3))
        # the file below was flushed and closed by its own finaliser, or will be
        print("pending file", os.path.exists(PATH))


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally", sq(4))


g = gen()
next(g)
total = 0
for i in range(1000):
    total += sq(i)
print(total)
log = Logger()
log.me = log  # (a cycle: only the last collection finalises it)
atexit.register(lambda: print("atexit", NAME, sq(5)))
PATH = os.path.join(tempfile.mkdtemp(), "out.txt")
fh = open(PATH, "w")
fh.write("written, never closed\n")
