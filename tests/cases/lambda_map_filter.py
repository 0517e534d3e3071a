def cube(x):
    return x * x * x
print(list(map(cube, range(6))), list(filter(lambda v: cube(v) % 2, range(6))))
print(sorted(range(-3, 4), key=cube), sum(map(cube, [0.5, 1.5])))
f = cube
print(f(4), (lambda q: cube(q) + 1)(2))
