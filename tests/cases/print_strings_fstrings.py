# modjit: strict
def report(n):
    s = 0.0
    for i in range(n):
        s += i * 0.1
        print("step", i, "s =", s)
    print(f"total={s:.3f} n={n} r={s!r} {n:>5}|{s:10.2e}|{i+1}")
    print(f"lit {n % 3}", "x", sep="-", end="!\n")
    return s
print(report(3))
x = 7
print(f"top {x} {x*1.5:.1f}")
