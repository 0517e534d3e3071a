fs = [lambda i=i: i for i in range(3)]
print(fs[0](), fs[1](), fs[2]())
# top-level comprehensions: a lambda parameter named like the loop variable shadows it (it was renamed to the loop's cell)
print([(lambda j, i=5: j + i)(i) for i in range(2)])   # CPython [5, 6]
print([(lambda *i: i)(i) for i in range(2)])           # CPython [(0,), (1,)]
fs = [lambda i=i: i for i in range(3)]
print(fs[0](), fs[1](), fs[2]())                       # CPython 0 1 2
