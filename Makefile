# trienkhai — one task runner. `make run` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEEDS ?= ../shared/seeds
GOLD ?= ../shared/eval/gold
OUT ?= out

.PHONY: install run extract test lint format typecheck test-engine bench score clean \
	system-deps test-sqlite test-postgres messages screenshots demo-cycle bench-scale

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

## the main job: migrate, load the sample registry, demo accounts and seed plans (safe to
## repeat), then serve the web app on http://127.0.0.1:8000 (accounts: see README)
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_sample_data --seeds $(SEEDS)
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## the engine alone: extract the seeds to JSON, show one as Markdown
extract: install
	$(BIN)/trienkhai extract $(SEEDS)/*.txt --out $(OUT)/extract
	$(BIN)/trienkhai extract --format md $(SEEDS)/003_e6f5f0dc89473b66.txt

## the whole suite: system packages, lint, types, every test on SQLite, then the web and
## browser tests again on a throw-away PostgreSQL 15 server (scripts/with-postgres.sh)
test: install system-deps lint typecheck test-sqlite test-postgres

test-sqlite: install
	TRIENKHAI_BROWSER_REQUIRED=1 $(BIN)/pytest -q

test-postgres: install
	TRIENKHAI_BROWSER_REQUIRED=1 scripts/with-postgres.sh $(BIN)/pytest -q -p no:cacheprovider tests/web tests/browser

# Debian packages the tests and the exports need; installed only when missing.
SYSTEM_PACKAGES := chromium libreoffice-writer poppler-utils gettext postgresql-15
system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $$SUDO apt-get install -y --no-install-recommends $$missing \
	    || { $$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends $$missing; }; \
	fi

## compile the translations (English) after editing src/trienkhai/web/locale/en/LC_MESSAGES/django.po
messages: install
	cd src/trienkhai/web && ../../../$(BIN)/django-admin compilemessages -l en

## PNG screenshots of the main pages, against a live server with the sample data
screenshots: install system-deps
	$(BIN)/python scripts/screenshots.py --out $(OUT)

## one reporting period played end to end on the sample data (throw-away SQLite database):
## consolidated report .docx/.pdf/.png, .xlsx, reminder letter, dashboard screenshots in OUT
demo-cycle: install system-deps
	@mkdir -p $(OUT); tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	DATABASE_URL=sqlite:///$$tmp/demo.sqlite3 TRIENKHAI_MEDIA_ROOT=$$tmp/media \
	  $(BIN)/python manage.py demo_cycle --out $(OUT)

## national-scale dashboard benchmark on a throw-away PostgreSQL (SCALE=0.01 for a quick run)
SCALE ?= 1
bench-scale: install
	$(BIN)/python bench/national_scale.py --scale $(SCALE)

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

format: install
	$(BIN)/ruff check --fix src tests bench scripts
	$(BIN)/ruff format src tests bench scripts

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
	$(BIN)/python bench/compare.py
	$(BIN)/python bench/corpus.py --n 100000

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache .mypy_cache
