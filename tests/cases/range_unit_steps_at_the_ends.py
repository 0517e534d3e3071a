# modjit: strict
# range() loops of step 1 and -1 at the ends of the 64-bit range, empty, and with
# the loop variable assigned in the body.  (Stepping the counter with `add nsw`
# instead of the overflow intrinsic was tried: LLVM 22's NewGVN, in the quick
# pass list, aborted the process on a Floyd-Warshall loop nest.)
def f(a, b):
    s = 0
    c = 0
    for i in range(a, b):
        s ^= i
        c += 1
    return s, c
def g(a, b):
    s = 0
    c = 0
    for i in range(a, b, -1):
        s ^= i
        c += 1
    return s, c
M = 2**63 - 1
print(f(M - 5, M), f(-M - 1, -M + 4), f(5, 3), f(-3, 4))
print(g(M, M - 5), g(-M + 4, -M - 1), g(3, 5), g(4, -3))
def h(n):
    t = 0
    for i in range(n):
        i += 10
        t += i
    else:
        t += 1
    return t
print(h(10), h(0))
