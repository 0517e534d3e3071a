# Ten lists of floats updated in place 300,000 times in one call: the journal
# fills, the lists mutated after that are checkpointed (copied) one by one,
# and the ninth cannot be: the call hands over and CPython re-runs it from its
# start, so every list must first be exactly as the call found it (the floats
# overwritten in place before a checkpoint included).


def run(rows, steps):
    for s in range(steps):
        for r in rows:
            for i in range(len(r)):
                r[i] += 0.5 * (i + 1)


rows = [[float(k), k + 0.25, k + 0.5] for k in range(10)]
run(rows, 10000)
print(rows)


def two(a, b, steps):
    for s in range(steps):
        for i in range(len(a)):
            a[i] += 1.0
            b[i] += 2.0
    return a[0] + b[-1]


print(two([0.0, 0.5, 0.25], [0.0, 0.5, 0.25], 100000))
