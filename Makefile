# newsweave: `make demo` runs the main job on the bundled sample pages, `make test` runs the
# checks CI runs (lint, types, tests). Both create .venv and install what they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= newsweave.db

.PHONY: demo test lint typecheck pytest bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/activate pyproject.toml constraints.txt setup.py src/newsweave/extract/_fastlines.c
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

demo: $(VENV)/.installed
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/newsweave ingest examples/ --db $(DB) --no-progress
	@echo
	$(BIN)/newsweave articles --db $(DB)
	@echo
	$(BIN)/newsweave entities --db $(DB) --limit 12
	@echo
	$(BIN)/newsweave stories --db $(DB)

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: $(VENV)/.installed
	$(BIN)/mypy

pytest: $(VENV)/.installed
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(VENV)/.installed
	$(BIN)/python bench/extraction.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .mypy_cache .ruff_cache .pytest_cache
