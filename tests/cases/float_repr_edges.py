# modjit: strict
def vals():
    print(1e22, 1e16, 1e15, -0.0, 0.1 + 0.2, 5e-324, 1.7976931348623157e308)
    print(1.0 / 3.0, 2.0 / 3.0, 100.0, 1e-5, 123456789.0 * 1000.0)
    print(float(2**53), float(2**53 + 1), 0.5 ** 30, -1.5e-7)
    inf = 1e308 * 10.0
    print(inf, -inf, inf - inf)
vals()
