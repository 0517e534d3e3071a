def helper(x):
    return x + 1
def caller(n):
    s = 0
    for i in range(n):
        s += helper(i)
    return s
print(caller(10))
def helper(x):
    return x * 2
print(caller(10))
helper = lambda x: x - 1
print(caller(10))
