"""Drivers: a Session runs top-level statements one unit at a time (script or REPL)."""
