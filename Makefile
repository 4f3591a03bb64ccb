# community_warehouse — see README.md. Two commands matter: `make build` and `make test`.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules --no-print-directory

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DBT := $(BIN)/dbt
DEMO_DIR := data/demo
DEMO_ARGS ?= --seed 42 --members 2000 --months 18

# Everything dbt and the tools need, set here so nobody has to export anything by hand.
export DBT_PROFILES_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := false
export COMMUNITY_RAW_PATH ?= $(CURDIR)/$(DEMO_DIR)
# dbt builds into the build file; `make build` then publishes the warehouse BI tools open (README, "Query the marts").
export COMMUNITY_DUCKDB_PATH ?= $(CURDIR)/target/community_warehouse.build.duckdb
export COMMUNITY_WAREHOUSE_PATH ?= $(CURDIR)/community_warehouse.duckdb
# Arguments of `make build VARS='{…}'` and `make query SQL=… FORMAT=csv`, read from the environment (no quoting trouble).
export VARS SQL FORMAT ID PORT

# `make test` builds into its own file, from scratch, so it never depends on an earlier build.
TEST_DB := $(CURDIR)/target/test/community_warehouse.duckdb
GENERATOR_SOURCES := $(shell find community_warehouse/generate -name '*.py' -o -name '*.csv' 2>/dev/null)

.PHONY: help install install-spark install-browser demo-data build publish publish-departments erase rollback export test lint check pytest query docs clean bench build-spark test-spark dashboard dashboard-export metrics

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.lock pyproject.toml community_warehouse/ast_lock.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "community_warehouse needs Python 3.11 (found %s); run: make PYTHON=/path/to/python3.11 ..." % sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing pinned dependencies into $(VENV) (first run: about a minute)…"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@# Python 3.11 before 3.11.8 can fail dbt's threaded rendering (community_warehouse/ast_lock.py).
	@$(BIN)/python -c 'import pathlib, site; pathlib.Path(site.getsitepackages()[0], "community_warehouse_ast_lock.pth").write_text("import community_warehouse.ast_lock\n")'
	@touch $@

install: $(BIN)/.installed ## create .venv and install the pinned dependencies

# Spark is an extra (pyspark is ~345 MB): only the Spark targets install it.
$(BIN)/.spark-installed: requirements-spark.lock $(BIN)/.installed
	@echo "Installing the Spark extra (pyspark, ~345 MB) into $(VENV)…"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-spark.lock
	@touch $@

install-spark: $(BIN)/.spark-installed ## install the Spark extra (dbt-spark, pyspark) used by the Spark targets

# The dashboard's browser test drives Debian's chromium through Playwright (never `playwright install`, which
# downloads a browser): installed with apt when absent, as root or through sudo.
install-browser: ## Debian's chromium for the dashboard's browser test (apt-get, as root or with sudo)
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
	  echo "Installing Debian's chromium for the dashboard's browser test (apt-get)…"; \
	  sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$sudo apt-get install -y -q chromium >/dev/null 2>&1 \
	    || { $$sudo apt-get update -q >/dev/null && $$sudo apt-get install -y -q chromium >/dev/null; } \
	    || { echo "Could not install chromium: run 'apt-get install chromium' (Debian/Ubuntu) and retry" >&2; exit 1; }; \
	fi

$(DEMO_DIR)/_truth/manifest.json: $(GENERATOR_SOURCES) | $(BIN)/.installed
	$(BIN)/python -m community_warehouse.generate --out $(DEMO_DIR) $(DEMO_ARGS)

demo-data: $(BIN)/.installed ## (re)generate the deterministic demo exports in data/demo
	$(BIN)/python -m community_warehouse.generate --out $(DEMO_DIR) $(DEMO_ARGS)

# Demo exports are generated only when the project reads them (COMMUNITY_RAW_PATH left at its default).
ifeq ($(COMMUNITY_RAW_PATH),$(CURDIR)/$(DEMO_DIR))
RAW_PREREQ := $(DEMO_DIR)/_truth/manifest.json
endif

build: $(BIN)/.installed $(RAW_PREREQ) ## install, demo exports if absent, dbt build (VARS='{…}'), publish, show the marts
	@$(BIN)/python -m community_warehouse.warehouse build --vars "$${VARS:-}"

publish: $(BIN)/.installed ## publish the last build as community_warehouse.duckdb (readable by DuckDB 0.10+ clients)
	@$(BIN)/python -m community_warehouse.warehouse publish

publish-departments: $(BIN)/.installed ## one read-only file + Parquet per department (seeds/department_publications.csv), pseudonymised where the seed says; grants.sql
	@$(BIN)/python -m community_warehouse.warehouse publish-departments

erase: $(BIN)/.installed ## forget a person: ID=<e-mail, handle or account id>, listed in COMMUNITY_ERASURE_PATH (outside the repo); then make build
	@$(BIN)/python -m community_warehouse.erasure "$${ID:?set ID=<e-mail, handle, account id or type:value>}"

rollback: $(BIN)/.installed ## put back the warehouse the last publication replaced (run again to undo)
	@$(BIN)/python -m community_warehouse.warehouse rollback

export: $(BIN)/.installed ## every mart as Parquet in target/export, with manifest.json (rows, columns, as-of)
	@$(BIN)/python -m community_warehouse.warehouse export --out target/export

test: $(BIN)/.installed install-browser $(DEMO_DIR)/_truth/manifest.json ## everything CI checks: lint, dbt build + tests, GX, pytest (semantic layer, dashboard in chromium)
	@$(MAKE) lint
	@rm -f $(TEST_DB) && mkdir -p $(dir $(TEST_DB))
	COMMUNITY_RAW_PATH=$(CURDIR)/$(DEMO_DIR) COMMUNITY_DUCKDB_PATH=$(TEST_DB) $(DBT) build
	COMMUNITY_DUCKDB_PATH=$(TEST_DB) $(BIN)/python -m community_warehouse.quality --out target/gx
	COMMUNITY_TEST_DB=$(TEST_DB) $(BIN)/python -m pytest -n auto --dist loadfile

lint: $(BIN)/.installed ## sqlfluff (dbt templater) on the SQL, ruff on the Python
	$(BIN)/sqlfluff lint models analyses tests
	$(BIN)/ruff check community_warehouse tests
	$(BIN)/ruff format --check community_warehouse tests

check: $(BIN)/.installed ## Great Expectations checkpoint on the built marts (results in target/gx)
	$(BIN)/python -m community_warehouse.quality

pytest: $(BIN)/.installed ## Python tests only (builds a scratch warehouse when none is given)
	$(BIN)/python -m pytest

query: $(BIN)/.installed ## run SQL on the marts: make query SQL="select …" [FORMAT=csv|json]
	@$(BIN)/python -m community_warehouse.warehouse query "$${SQL:?set SQL=\"select …\"}" --format "$${FORMAT:-table}"

docs: $(BIN)/.installed ## dbt docs as one self-contained HTML file in target/static_index.html
	@$(DBT) docs generate --static --quiet
	@echo "Docs: open file://$(CURDIR)/target/static_index.html in a browser (one self-contained file)"

dashboard: $(BIN)/.installed ## the WIFM dashboard on the published warehouse: http://127.0.0.1:8501 (PORT=…)
	@$(BIN)/python -m community_warehouse.dashboard serve --port "$${PORT:-8501}"

dashboard-export: $(BIN)/.installed ## every dashboard page as a self-contained HTML file in target/dashboard
	@$(BIN)/python -m community_warehouse.dashboard export --out target/dashboard

metrics: $(BIN)/.installed ## the semantic layer's metrics (MetricFlow); query them with .venv/bin/mf query (README)
	@$(BIN)/mf list metrics

clean: ## remove build artefacts (keeps .venv and data/)
	rm -rf target logs community_warehouse.duckdb community_warehouse.duckdb.wal community_warehouse.previous.duckdb

build-spark: $(BIN)/.spark-installed $(RAW_PREREQ) ## dbt build on the local Spark target (Java 17; warehouse in target/spark)
	@mkdir -p target/spark/tmp
	COMMUNITY_TARGET=spark $(DBT) parse --quiet
	$(BIN)/python -m community_warehouse.preflight
	COMMUNITY_TARGET=spark $(DBT) build

test-spark: $(BIN)/.spark-installed $(DEMO_DIR)/_truth/manifest.json ## build on DuckDB and on Spark, compare every model
	$(BIN)/python -m community_warehouse.parity run --raw $(CURDIR)/$(DEMO_DIR)

BENCH_ARGS ?= --members 1000000 --months 12
bench: $(BIN)/.installed ## generate a large dataset (BENCH_ARGS) and time a full dbt build
	$(BIN)/python -m community_warehouse.bench $(BENCH_ARGS)
