K = 10
def f(x):
    return x + K
print(f(1))
K = 2.5
print(f(1))
K = "s"
try:
    print(f(1))
except TypeError as e:
    print("TypeError", e)
K = 7
print(f(1))
