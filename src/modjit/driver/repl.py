"""The interactive REPL (stub)."""


def start_repl(engine: str = "mcjit", jit: bool = True, plain: bool = False, verbose: bool = False) -> int:
    raise SystemExit("REPL not implemented yet")
