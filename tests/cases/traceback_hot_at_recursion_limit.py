# modjit: traceback
# A function turning hot (1,000 calls) at the recursion limit: promotion waits
# for room (the runtime could not start there), and stderr is python3's.


def down(n, stop):
    if n == stop:
        return n
    return down(n + 1, stop)


print(down(0, 2))
try:
    down(0, -1)
except RecursionError:
    print("caught")
print(down(0, 500))
