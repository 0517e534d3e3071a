# modjit: strict
counter = 0
scale = 2.5
def bump(n):
    global counter
    for i in range(n):
        counter += i
    return counter
def scaled(x):
    return x * scale
print(bump(10), counter, scaled(4))
scale = 3
print(scaled(4), bump(3))
