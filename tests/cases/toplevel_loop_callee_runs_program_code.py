# A compiled callee may run code of the program's on CPython: a signal
# handler at its loop's poll, or the __repr__ of an object in a list it
# prints.  Both must see the globals a top-level loop assigned before the
# call, and the loop must see what they rebind (it writes back and reads
# again all of them around such a call).
import signal


def handler(sig, frame):
    global stop, x
    print("handler sees", x)
    x = 99
    stop = True


signal.signal(signal.SIGALRM, handler)


def work():
    while not stop:
        pass
    return 0


stop = False
x = 0
signal.setitimer(signal.ITIMER_REAL, 0.2)
for r in range(1):
    x = 42
    work()
print(x)


class D:
    def __repr__(self):
        return "D" + str(y)


lst = [0] * 70
lst[5] = D()


def show():
    print(lst[5:6])
    return 0


y = 0
for i in range(3):
    y = i
    show()

OLD = [5]
z = 1
for t in range(2):
    a = [[0]]
    b = a
    b[0] = OLD  # a store through an alias: a[0] is OLD now
    a[0][0] += 1
    if t == 1:
        z = z * 2**62 * 4
print(OLD, z)


def through_alias(p, t):
    a = [[0]]
    b = a
    b[0] = p
    a[0][0] += 1
    return t * 2**62 * 4


print(through_alias(OLD, 0), OLD)
print(through_alias(OLD, 1), OLD)
