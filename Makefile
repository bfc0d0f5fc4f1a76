# trienkhai — one task runner. `make run` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEEDS ?= ../shared/seeds
GOLD ?= ../shared/eval/gold
OUT ?= out

.PHONY: install run test lint format typecheck test-engine bench score clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

## the main job (until the web app lands: extract the seeds, show one as Markdown)
run: install
	$(BIN)/trienkhai extract $(SEEDS)/*.txt --out $(OUT)/extract
	$(BIN)/trienkhai extract --format md $(SEEDS)/003_e6f5f0dc89473b66.txt

## the whole suite: lint, types, then every test
test: install lint typecheck
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

typecheck: install
	$(BIN)/mypy

test-engine: install
	$(BIN)/pytest -q tests/engine

## extraction scores on the seeds against the gold annotations
score: install
	$(BIN)/trienkhai extract $(SEEDS)/*.txt --out $(OUT)/extract
	$(BIN)/python ../shared/eval/score.py $(OUT)/extract $(GOLD)

bench: install
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache .mypy_cache
