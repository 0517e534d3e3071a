def p(x, y):
    return x ** y
print(p(10.0, 300.0), p(2.0, 0.5), p(1.0001, 2))
def sq(x):
    return x ** 2
print(sq(1e150))
try:
    sq(1e200)
except OverflowError as e:
    print("OverflowError", e)
p(10.0, 400.0)
