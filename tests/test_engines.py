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
