def down(n):
    return down(n + 1) + 1
def count(n):
    if n == 0:
        return 0
    return 1 + count(n - 1)
try:
    down(0)
except RecursionError as e:
    print("caught", e)
print(count(500))
