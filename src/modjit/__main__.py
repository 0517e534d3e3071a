"""`python -m modjit` is the `modjit` command."""

import os
import sys

# `python -m` put the current directory first on sys.path, where a program's own
# types.py or copy.py would be found for the standard modules modjit imports later
# (python3 PROG puts PROG's folder there, after its own start-up; the REPL puts ''
# there itself): modjit's own folder takes its place, as the `modjit` script's does.
if sys.path and os.path.abspath(sys.path[0] or os.curdir) == os.getcwd():
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

from modjit.cli import main  # noqa: E402

raise SystemExit(main())
