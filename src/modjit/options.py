"""What the compiler may do: inlining, tiering, and their thresholds.

Set from the command line (`--no-inline`, `--no-tier`, `--hot-threshold N`)
or, for runs started elsewhere (tests, the benchmark), from the environment:
MODJIT_INLINE=0, MODJIT_TIER=0, MODJIT_HOT_THRESHOLD=N.
"""

from __future__ import annotations

import os

HOT_THRESHOLD = 1000


class JitOptions:
    def __init__(self, inline: bool = True, tier: bool = True, hot_threshold: int = HOT_THRESHOLD,
                 inline_max_lines: int = 400) -> None:
        # Copy small callees into a promoted caller's module so LLVM can inline them.
        self.inline = inline
        # Start functions with cheap baseline code and promote hot ones; without
        # tiering every specialization is compiled once, at the optimising tier.
        self.tier = tier
        # Calls plus loop iterations of one specialization before it is promoted
        # (checked when it is called, so a function called once is never recompiled).
        self.hot_threshold = hot_threshold
        # A callee is copied for inlining when its IR has at most this many lines.
        self.inline_max_lines = inline_max_lines

    def __repr__(self) -> str:
        return (f"JitOptions(inline={self.inline}, tier={self.tier}, "
                f"hot_threshold={self.hot_threshold}, inline_max_lines={self.inline_max_lines})")

    @classmethod
    def from_env(cls, **overrides: object) -> JitOptions:
        env = os.environ
        values: dict[str, object] = {
            "inline": env.get("MODJIT_INLINE", "1") != "0",
            "tier": env.get("MODJIT_TIER", "1") != "0",
            "hot_threshold": _whole_number("MODJIT_HOT_THRESHOLD", env.get("MODJIT_HOT_THRESHOLD")),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


def _whole_number(name: str, text: str | None) -> int:
    """The environment variable `name`'s count, or the default; a clear error, not a traceback."""
    if text is None:
        return HOT_THRESHOLD
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise SystemExit(f"modjit: {name}: expected a whole number of calls, got {text!r}")
    return value
