# LLVM loads with a stand-in for importlib.resources (runtime/imports.light_resources):
# the program's own import gets the real module, as under python3
total = 0
for i in range(10):
    total += i * i
print(total)

import importlib.resources

print(importlib.resources.files("json").joinpath("__init__.py").is_file())
with importlib.resources.as_file(importlib.resources.files("json") / "decoder.py") as p:
    print(p.name, hasattr(importlib.resources, "read_text"))
