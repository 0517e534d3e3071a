"""The `random` module's generator, as compiled code draws from it.

random.random(), randint, randrange, uniform, choice and shuffle are bound methods of the
module's hidden instance `random._inst`, a _random.Random: a Mersenne Twister
whose state CPython 3.11 keeps in the object itself (Modules/_randommodule.c):

    RandomObject: PyObject_HEAD (16 bytes), int index @16, uint32_t state[624] @20

Compiled code draws from that very state (helpers_ir mj.draw, the same
genrand_uint32), so compiled and CPython draws interleave as in one program.
A draw is undoable: the first one in a call from CPython records a copy of the
2,500 bytes (journal J_RNG), which a hand-over writes back before CPython runs
the call again, drawing the same numbers.

instance() is None when this interpreter lays the object out otherwise (the
layout is checked against getstate() once), or the program replaced
random._inst; the calls then run on CPython.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

STATE_OFFSET = 16  # index, then the 624 words
STATE_BYTES = 4 + 624 * 4
FUNCTIONS = ("random", "randint", "randrange", "uniform", "choice", "shuffle")
_checked: dict[int, bool] = {}


def instance() -> Any:
    """random._inst, if compiled code may draw from it."""
    module = sys.modules.get("random")
    inst = getattr(module, "_inst", None)
    if inst is None or type(inst) is not getattr(module, "Random", None):
        return None
    if id(inst) not in _checked:
        _checked[id(inst)] = _layout_ok(inst)
    return inst if _checked[id(inst)] else None


def _layout_ok(inst: Any) -> bool:
    """Do the object's bytes hold what getstate() says (twice, across a draw)?"""
    try:
        for _ in range(2):
            version, state, _gauss = inst.getstate()
            words = (ctypes.c_uint32 * 624).from_address(id(inst) + STATE_OFFSET + 4)
            index = ctypes.c_int32.from_address(id(inst) + STATE_OFFSET).value
            if version != 3 or tuple(words) != state[:624] or index != state[624]:
                return False
            inst.setstate((version, state, _gauss))  # (the draw below, taken back)
            inst.getrandbits(32)
            inst.setstate((version, state, _gauss))
        return True
    except Exception:  # noqa: BLE001 (any surprise: leave random to CPython)
        return False


def method_of(value: object) -> str | None:
    """The name of the random function `value` is (random.random, a
    `from random import randint`), or None."""
    inst = instance()
    if inst is None:
        return None
    for name in FUNCTIONS:
        if value == getattr(inst, name):  # (a bound method: equal when the same method of inst)
            return name
    return None


def replaced(attr: str) -> bool:
    """Did the program replace random.<attr> (random.random = f)?"""
    module, inst = sys.modules.get("random"), instance()
    return inst is None or attr not in FUNCTIONS or getattr(module, attr, None) != getattr(inst, attr)
