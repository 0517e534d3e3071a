# Two commands on a fresh machine: `make bench` and `make test`. Both install first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install test test-fast bench lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dev]'
	touch $(STAMP)

# The whole suite, slow survival tests included (CI runs this).
test: install
	$(BIN)/python -m pytest -q -n 2 tests

# Everything but the tests marked slow.
test-fast: install
	$(BIN)/python -m pytest -q -n 2 -m "not slow" tests

bench: install
	$(BIN)/modjit bench latency -n 1000 -n 10000

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
