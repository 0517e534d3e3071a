# A store of the object an item already is keeps no undo record; a
# hand-over must still put back every store that did change an item: a call
# whose last step leaves 64 bits re-runs on CPython from the list as it was.


def mark(cells, step, big):
    hits = 0
    for k in range(0, len(cells), step):
        cells[k] = False  # mostly False already
        cells[k + 1] = True if k % 7 == 0 else cells[k + 1]
        hits += 1
    return hits * big


small = [False] * 5000
print(mark(small, 3, 2), small.count(True))
print(mark(small, 2, 2**62), small.count(True), small[:8])
