"""A minimal LLVM IR text builder.

Formatting IR text directly costs ~1 µs per instruction, against tens of µs per
unit for llvmlite.ir objects + str() (LLVMLITE-NOTES); for run-once units that
difference is a large part of the per-module budget.
"""

from __future__ import annotations


class FunctionText:
    def __init__(self) -> None:
        self.allocas: list[str] = []
        self.lines: list[str] = []
        self._n = 0
        self.terminated = False
        self.current = "body"  # the block being filled

    def tmp(self, hint: str = "t") -> str:
        self._n += 1
        return f"%{hint}{self._n}"

    def new_label(self, hint: str) -> str:
        self._n += 1
        return f"{hint}{self._n}"

    def alloca(self, name: str, ty: str) -> str:
        self.allocas.append(f"  {name} = alloca {ty}")
        return name

    def block(self, label: str) -> None:
        """Start block `label`, falling into it from the current block if open."""
        if not self.terminated:
            self.lines.append(f"  br label %{label}")
        self.lines.append(f"{label}:")
        self.terminated = False
        self.current = label

    def emit(self, instr: str) -> None:
        if self.terminated:
            self.block(self.new_label("dead"))
        self.lines.append("  " + instr)

    def value(self, instr: str, hint: str = "t") -> str:
        name = self.tmp(hint)
        self.emit(f"{name} = {instr}")
        return name

    def term(self, instr: str) -> None:
        self.emit(instr)
        self.terminated = True

    def open(self) -> str:
        """The label of the block being filled, starting a fresh one if the last ended."""
        if self.terminated:
            self.block(self.new_label("dead"))
        return self.current

    def br(self, label: str) -> None:
        self.term(f"br label %{label}")

    def cbr(self, cond: str, yes: str, no: str) -> None:
        self.term(f"br i1 {cond}, label %{yes}, label %{no}")

    def render(self, header: str) -> str:
        return "\n".join([header + " {", "entry:", *self.allocas, "  br label %body", "body:",
                          *self.lines, "}"])


def ptr_const(address: int) -> str:
    return f"inttoptr (i64 {address} to ptr)"


def float_literal(value: float) -> str:
    import struct

    return f"0x{struct.unpack('<Q', struct.pack('<d', value))[0]:016X}"
