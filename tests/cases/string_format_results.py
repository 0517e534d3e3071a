def area(r):
    return 3.141592653589793 * r * r
for r in (1, 2.5, 10):
    print(f"r={r} area={area(r):.3f} raw={area(r)!r}", "%.2e" % area(r))
print(f"{area(3):>10}|{int(area(3)):<8}|")
