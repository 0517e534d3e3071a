# modjit: traceback
# Compiled recursion past the limit: the traceback of python3 (the statement,
# the calls, "Previous line repeated"), ending at the call that was refused.


def d(n):
    if n == 0:
        return 0
    return 1 + d(n - 1)


print(d(2000))
