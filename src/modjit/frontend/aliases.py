"""Bound list methods kept in a local, called through it (fannkuch's
`perm1_ins = perm1.insert` ... `perm1_ins(r, perm1_pop(0))`): the calls become
calls of the method on the list, and the alias's assignment a `pass`.

Done in place, once per function tree, where it cannot change what runs: the
list is a parameter never rebound or a local bound once, before the alias, in
the body's straight line; the alias is a local (not declared global) bound
once and only ever called, by statements after its assignment (a call before
it is CPython's UnboundLocalError).
"""

from __future__ import annotations

import ast
from collections import Counter


def inline_method_aliases(body: list[ast.stmt], params: list[str]) -> None:
    from modjit.frontend.infer_calls import (
        LIST_METHODS,  # (infer_calls imports infer, which imports this)
    )

    if not body or getattr(body[0], "mj_aliases_done", False):
        return
    body[0].mj_aliases_done = True  # type: ignore[attr-defined]
    nodes = [n for stmt in body for n in ast.walk(stmt)]
    stores = Counter(n.id for n in nodes if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load))
    called = Counter(n.func.id for n in nodes if isinstance(n, ast.Call) and isinstance(n.func, ast.Name))
    loads = Counter(n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load))
    bound_at = {s.targets[0].id: i for i, s in enumerate(body)  # type: ignore[attr-defined]
                if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name)}
    declared = {name for n in nodes if isinstance(n, ast.Global | ast.Nonlocal) for name in n.names}
    aliases: dict[str, ast.Attribute] = {}
    for i, s in enumerate(body):
        if not (isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name)
                and isinstance(s.value, ast.Attribute) and isinstance(s.value.value, ast.Name)
                and s.value.attr in LIST_METHODS):
            continue
        alias, owner = s.targets[0].id, s.value.value.id
        owner_fixed = (stores[owner] == 0 and owner in params) or \
            (stores[owner] == 1 and bound_at.get(owner, i) < i)
        used_before = any(isinstance(n, ast.Name) and n.id == alias for stmt in body[:i] for n in ast.walk(stmt))
        if stores[alias] == 1 and loads[alias] == called[alias] and owner_fixed \
                and alias not in declared and not used_before:
            aliases[alias] = s.value
            body[i] = ast.copy_location(ast.Pass(), s)
    if not aliases:
        return
    for n in nodes:
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in aliases:
            method = aliases[n.func.id]
            n.func = ast.copy_location(ast.Attribute(value=ast.copy_location(
                ast.Name(id=method.value.id, ctx=ast.Load()), n.func),  # type: ignore[attr-defined]
                attr=method.attr, ctx=ast.Load()), n.func)
