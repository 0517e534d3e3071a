# Near the recursion limit CPython's random calls raise RecursionError before
# drawing, at the level each call reaches first: compiled draws stop where they stop.
import random, sys
def d_random(n):
    return 0.0 if n == 0 else random.random() + d_random(n - 1)
def d_uniform(n):
    return 0.0 if n == 0 else random.uniform(1.0, 2.0) + d_uniform(n - 1)
def d_randrange(n):
    return 0 if n == 0 else random.randrange(10) + d_randrange(n - 1)
def d_randrange2(n):
    return 0 if n == 0 else random.randrange(-5, 10) + d_randrange2(n - 1)
def d_randint(n):
    return 0 if n == 0 else random.randint(1, 6) + d_randint(n - 1)
def d_choice(n, xs):
    return 0 if n == 0 else random.choice(xs) + d_choice(n - 1, xs)
for lim in (150, 151, 152, 153):
    sys.setrecursionlimit(lim)
    for fn in (d_random, d_uniform, d_randrange, d_randrange2, d_randint):
        random.seed(lim)
        try:
            fn(1000)
        except RecursionError as e:
            print(fn.__name__, lim, e, random.random())
    random.seed(lim)
    try:
        d_choice(1000, [1, 2, 3])
    except RecursionError as e:
        print("choice", lim, e, random.random())
