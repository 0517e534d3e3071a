# Compiling and freeing units leaves no garbage of modjit's own for the
# program's gc.collect() to find (llvmlite's module pointers held themselves
# through ctypes.cast: 2 objects per unit).
import gc

gc.collect()
x = 1 + 2
y = x * 3
total = 0
for i in range(100):
    total += i


def f(n):
    return n * 2


z = f(3) + f(4)
print(gc.collect(), x, y, total, z)
for i in range(5):
    z += f(i)
print(gc.collect(), z)
