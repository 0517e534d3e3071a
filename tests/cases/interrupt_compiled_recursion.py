# Ctrl-C (SIGINT) interrupts deep compiled recursion, which has no loop back-edge
# to poll at: python3 raises KeyboardInterrupt in it, and so must compiled code.
import os
import signal
import threading


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def even(n):
    return 1 if n == 0 else odd(n - 1) + odd(n - 1)


def odd(n):
    return 0 if n == 0 else even(n - 1) + even(n - 1)


def interrupted(f, arg):
    try:
        threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
        f(arg)  # never finishes: 2**60 calls
    except KeyboardInterrupt:
        return "interrupted"
    return "finished"


print(interrupted(fib, 90))
print(interrupted(even, 60))
print(fib(20), even(10))
