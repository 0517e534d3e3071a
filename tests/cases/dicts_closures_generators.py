def sq(x):
    return x * x
def make_adder(k):
    def add(x):
        return sq(x) + k
    return add
def gen(n):
    for i in range(n):
        yield sq(i)
counts = {}
for w in "the quick the lazy the end".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, make_adder(10)(3), list(gen(5)), sum(gen(4)))
print(list(map(sq, range(5))), list(map(sq, [0.5, 1.5])))
