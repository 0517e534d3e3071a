# modjit: strict
# More prints than compiled code queues (65,536 to a pipe), then an int
# result past 64 bits in the same call or top-level loop: the call is handed
# over to CPython when the queue fills (nothing has been printed yet), so the
# output is python3's, the big ints included.


def f(n):
    s = 0
    for i in range(n):
        s += 132000000000000
        print(i % 7, s % 1000)
    return s


print(f(70000))
t = 0
for i in range(66000):
    print(i)
    t += 140000000000000
print(t % 1000003, t > 2 ** 63)
