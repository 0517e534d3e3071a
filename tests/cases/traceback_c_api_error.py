# modjit: traceback
# A Python exception raised inside a compiled statement (a C API call failed)
# gets a traceback from the statement's line, marked under its expression.
print(0.0 ** -1)
