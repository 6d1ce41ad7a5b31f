# Two commands do all set-up: `make run` and `make test`. Both install exactly what uv.lock pins
# (every package, with hashes); `make lock` is the one deliberate way to change those versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# uv is bootstrapped with pip from a hash-pinned file, then installs everything else from the
# lock. It never downloads a Python of its own and always uses the venv made here.
UV := UV_PROJECT_ENVIRONMENT=$(VENV) UV_PYTHON_DOWNLOADS=never UV_PYTHON=$(BIN)/python $(BIN)/uv

.PHONY: run test lint typecheck unit lock lock-upgrade lock-check bench clean

$(BIN)/uv: tools/bootstrap.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r tools/bootstrap.txt
	touch $(BIN)/uv

# `--locked` refuses to run when pyproject.toml and uv.lock disagree (`make lock` fixes that).
$(STAMP): pyproject.toml uv.lock $(BIN)/uv
	$(UV) sync --locked --extra dev --compile-bytecode --quiet
	touch $(STAMP)

# Bytecode is written first (uv compiles installed packages, not an editable one): with
# PYTHONDONTWRITEBYTECODE set, every start would otherwise compile quizapp from source.
run: $(STAMP)
	$(BIN)/python -m compileall -q src
	$(BIN)/quizapp --decks decks

test: $(STAMP) lock-check lint typecheck unit

lock-check: $(STAMP)
	$(UV) lock --check --offline --quiet

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools main.py
	$(BIN)/ruff format --check src tests benchmarks tools main.py
	$(BIN)/quizapp fmt --check decks
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/quizapp validate --sources decks
	$(BIN)/python -m pytest

# After editing pyproject.toml: re-resolve, keeping every pin that still fits. `make lock-upgrade`
# moves every package to the newest release its range allows. Both re-pin the bootstrap uv.
lock: $(BIN)/uv
	$(UV) lock
	$(BIN)/python tools/lock.py $(BIN)/uv

lock-upgrade: $(BIN)/uv
	$(UV) lock --upgrade
	$(BIN)/python tools/lock.py $(BIN)/uv

bench: $(STAMP)
	$(UV) sync --locked --extra dev --extra bench --compile-bytecode --quiet
	$(BIN)/python benchmarks/run_all.py
	$(UV) sync --locked --extra dev --quiet

clean:
	rm -rf $(VENV) build src/*.egg-info
