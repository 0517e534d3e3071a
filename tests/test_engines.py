"""Both engines behind the one interface: add, look up, call, release, timings."""

from __future__ import annotations

import ctypes

import pytest

from modjit.engine import create_engine

ENGINES = ["mcjit", "orc"]
ADD_ONE = 'define i64 @"add.one"(i64 %x) nounwind {\n  %y = add i64 %x, 1\n  ret i64 %y\n}\n'


@pytest.mark.parametrize("name", ENGINES)
@pytest.mark.parametrize("tier", ["fast", "opt"])
def test_add_lookup_call(name: str, tier: str) -> None:
    engine = create_engine(name)
    handle = engine.add_module(ADD_ONE, "u", tier, keep_asm=True)
    fn = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.c_int64)(engine.lookup(handle, "add.one"))
    assert fn(41) == 42
    assert handle.asm and "ret" in handle.asm
    assert handle.times.codegen > 0 and handle.times.lookup >= 0
    engine.release(handle)
    assert engine.stats()["modules_alive"] == 0


@pytest.mark.parametrize("name", ENGINES)
def test_unknown_symbol(name: str) -> None:
    engine = create_engine(name)
    handle = engine.add_module(ADD_ONE, "u", "fast")
    with pytest.raises(KeyError, match="nope"):
        engine.lookup(handle, "nope")


@pytest.mark.parametrize("name", ENGINES)
def test_many_modules_released(name: str) -> None:
    engine = create_engine(name)
    for i in range(1200):  # more than two MCJIT generations
        ir = f"define i64 @f{i}() nounwind {{\n  ret i64 {i}\n}}\n"
        handle = engine.add_module(ir, f"u{i}", "fast")
        assert ctypes.CFUNCTYPE(ctypes.c_int64)(engine.lookup(handle, f"f{i}"))() == i
        engine.release(handle)
    stats = engine.stats()
    assert stats["modules_added"] == 1200 and stats["modules_alive"] == 0
    if name == "mcjit":
        assert stats["engines_freed"] >= 1  # retired generations give their code back


@pytest.mark.parametrize("name", ENGINES)
def test_invalid_ir_is_an_error(name: str) -> None:
    engine = create_engine(name)
    with pytest.raises(RuntimeError):
        engine.add_module("define i64 @bad() {\n  ret i32 0\n}\n", "bad", "opt")


def test_unknown_engine() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        create_engine("jit9000")


def big_loop_program(statements: int) -> str:
    """A loop body of `statements` Python int updates (modulo, xor, overflow checks)."""
    ops = ["s = (s + i * {k}) % 1000003", "s = (s ^ (i + {k})) % 1000003", "t += s * 0.{k}"]
    body = "".join("        " + ops[k % 3].format(k=k + 3) + "\n" for k in range(statements))
    return (f"def big(n):\n    s = 0\n    t = 0.0\n    for i in range(n):\n{body}    return s, t\n"
            "print(big(1000), big(3))\n")


@pytest.mark.parametrize("name", ENGINES)
def test_big_units_get_the_linear_pipeline(name: str, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A unit past BIG_UNIT IR lines skips instcombine and loop strength
    reduction, whose costs grew superlinearly in a long loop body (a loop of
    600 statements: 3.6 s of optimisation), and gets O0 code generation; its
    results are CPython's, and the option set around its code generation is
    set back."""
    from modjit.driver.session import Session
    from modjit.engine import llvm_setup, mcjit, orc, tiers

    chosen: list[str] = []
    for module in (mcjit, orc):
        monkeypatch.setattr(module, "codegen_tier",
                            lambda tier, big: chosen.append(tiers.codegen_tier(tier, big)) or chosen[-1])

    big_units: list[object] = []
    real = tiers.optimise_big
    monkeypatch.setattr(tiers, "optimise_big", lambda *args, **kw: big_units.append(args) or real(*args, **kw))
    options: list[str] = []
    monkeypatch.setattr(llvm_setup.llvm, "set_option", lambda _name, option: options.append(option))
    src = big_loop_program(400)  # (1,000 iterations of 400 statements: long enough for O2)
    exec(compile(src, "<cpython>", "exec"), {"__name__": "__main__"})
    expected = capsys.readouterr().out
    session = Session("<modjit>", engine=name)
    session.run_source(src)
    assert capsys.readouterr().out == expected
    assert len(big_units) == 1  # big(), and none of the statements' units
    assert chosen.count("big") == 1 and tiers.CODEGEN_LEVEL["big"] == 0
    assert options == ["-disable-lsr=true", "-disable-lsr=false"]
