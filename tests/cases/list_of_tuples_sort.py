def pairs(n):
    return sorted([(i * 37 % 11, i) for i in range(n)])
print(pairs(8))
def mixed_list():
    return [1, 2.5, 3]
print(mixed_list())
