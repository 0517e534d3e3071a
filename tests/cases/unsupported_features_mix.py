import math


def stats(xs):
    n = len(xs)
    mean = sum(xs) / n
    var = 0.0
    for x in xs:
        var += (x - mean) ** 2
    return mean, math.sqrt(var / n)
data = {"a": [1.0, 2.0, 3.0], "b": [2.5, 2.5]}
for k in sorted(data):
    m, s = stats(data[k])
    print(k, round(m, 3), round(s, 3))
words = ["x" * i for i in range(3)]
print(words, stats([float(len(w)) for w in words]))


# A list that holds itself: typing it must not recurse forever.
def count_items(x):
    return len(x)


loop = []
loop.append(loop)
nest = [[]]
nest[0].append(nest)
print(count_items(loop), count_items(nest), loop, nest)
