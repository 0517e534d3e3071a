"""Runtime: memory shared with compiled code, the C API it calls, dispatch, errors."""
