"""modjit: a JIT compiler for Python on llvmlite.

Every function specialization and every compilable top-level statement becomes
its own LLVM module; what the compiler cannot handle runs on CPython in the
same namespace.  The stages are listed in :mod:`modjit.pipeline`.
"""

import sys as _sys

__version__ = "0.1.0"

# The modules loaded before modjit's own (the interpreter's start-up, site's):
# the ones python3 has loaded too when a program begins (runtime/imports.py).
STARTUP_MODULES = frozenset(_sys.modules)
