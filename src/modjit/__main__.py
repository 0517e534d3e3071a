"""`python -m modjit` is the `modjit` command."""

from modjit.cli import main

raise SystemExit(main())
