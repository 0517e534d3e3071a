# A program that replaces builtins.tuple (or another builtin the runtime calls):
# its own code sees the replacement, modjit's dispatcher still works.
import builtins


def g(a, b=2):
    return a + b


print(g(1))
real_tuple = builtins.tuple
builtins.tuple = list
print(g(2), g(3, b=1), g(1.5))
builtins.tuple = real_tuple
print(g(4), tuple([1, 2]))
