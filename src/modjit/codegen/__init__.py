"""Code generation: typed unit -> LLVM IR text (one module per unit)."""
