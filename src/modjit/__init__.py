"""modjit: a JIT compiler for Python on llvmlite.

Every function specialization and every compilable top-level statement becomes
its own LLVM module; what the compiler cannot handle runs on CPython in the
same namespace.  The stages are listed in :mod:`modjit.pipeline`.
"""

__version__ = "0.1.0"
