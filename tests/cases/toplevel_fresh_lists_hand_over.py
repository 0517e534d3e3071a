# Lists a top-level loop makes itself (`un = [0] * n` before any use in the
# iteration) are as unseen by others as a function's own: their stores keep
# no undo record (a double-buffered time step handed over past the journal's
# copies and ran again on CPython: 1.7x python3's time).  A hand-over later
# in the statement must still leave what python3 leaves: the lists that
# escaped into `hist` taken out again, the globals bound as before.
N = 6
u = [1, 2, 3, 4, 5, 6]
hist = []
for t in range(60):
    u[0] = u[0] * 5 % 7 + 1  # the list from before (in the first iteration): recorded
    un = [0] * N
    for i in range(N):
        un[i] = (u[i] * 3 + t - u[(i + 1) % N] * 2) % 1000
    hist.append(un)
    un[0] += 1  # after it escaped into hist
    u = un
    if t == 50:
        big = u[0] * 4611686018427387904 * 4  # leaves 64 bits: the statement runs on CPython
print(u, len(hist), hist[:2], hist[-1], big)

w = [0.5] * N
for t in range(200):
    wn = [0.0] * N
    for i in range(1, N - 1):
        wn[i] = 0.5 * w[i] + 0.25 * (w[i - 1] + w[i + 1])
    wn[0] = w[0]  # the same float object in both lists
    wn[0] += 1.0
    w = wn
print(w, sum(w))

rows = [[1, 2], [3, 4]]
for t in range(3):
    for r in rows:  # lists from before: their stores are recorded
        r[0] += t
    fresh = [r[:] for r in rows]
    fresh[0][1] = -t
    if t == 2:
        rows[1][1] = rows[1][1] * 4611686018427387904 * 4
print(rows, fresh)
