# Two commands on a fresh machine: `make bench` and `make test`. Both install first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install bytecode test test-fast bench lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dev]'
	$(MAKE) -s bytecode
	touch $(STAMP)

# Editable installs are not byte-compiled, and PYTHONDONTWRITEBYTECODE=1 (set on
# some machines) stops Python caching it: every `modjit` start would compile
# modjit's sources again (~100 ms). Compile them once here; `make bench` redoes it.
# Forced (-f): compileall trusts a .pyc whose recorded mtime matches, and a file
# rewritten within the same second (git checkout) kept a stale one Python refused.
bytecode:
	$(BIN)/python -m compileall -f -q src > /dev/null

# The whole suite, slow survival tests included (CI runs this).
test: install
	$(BIN)/python -m pytest -q -n 2 tests

# Everything but the tests marked slow.
test-fast: install
	$(BIN)/python -m pytest -q -n 2 -m "not slow" tests

bench: install bytecode
	$(BIN)/modjit bench latency -n 1000 -n 10000

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
