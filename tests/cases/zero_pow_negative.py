def p(a, b):
    return a ** b
for a, b in ((2.0, -1.0), (0.5, 2.0), (-2.0, 3.0), (4.0, 0.5)):
    print(p(a, b))
try:
    p(0.0, -1.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
def q(n):
    return 0 ** n
print(q(0), q(3))
q(-1)
