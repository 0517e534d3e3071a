# A function that only ever runs on CPython (a str, a dict) stays the object the
# program holds: aliases, id() keys and weak references see one function, as
# under python3 (after ~100 calls the name got another object).
import weakref


def shout(s):
    return s + "!"


def table(n):
    return {n: n * n}


alias = shout
by_id = {id(shout): "shout", id(table): "table"}
ref = weakref.ref(shout)
handlers = [shout, table]
for i in range(300):
    shout("x")
    table(i)
print(alias is shout, by_id.get(id(shout)), by_id.get(id(table)), ref() is shout)
print(handlers[0] is shout, handlers[1] is table, shout("a"), table(3))
print(sorted(["b", "a", "c"], key=shout), list(map(table, [1, 2])))
print(shout.__name__, type(shout).__name__, callable(shout))
