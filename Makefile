# dsreview — install · run · test · bench. Each target installs what it needs first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
BIN       := $(VENV)/bin
SYS_PY    := /usr/bin/python3
# Debian packages the project needs at run and test time.
APT_PACKAGES := python3 python3-venv python3-uno \
	tesseract-ocr tesseract-ocr-kor tesseract-ocr-script-hang tesseract-ocr-eng \
	fonts-nanum fontconfig poppler-utils qpdf \
	libreoffice-writer-nogui bubblewrap \
	postgresql redis-server chromium chromium-driver nodejs

.PHONY: help install run test lint typecheck contracts pytest bench samples clean

help:
	@echo "make install   install Debian packages and the Python environment (.venv)"
	@echo "make run       start dsreview on the embedded defaults"
	@echo "make test      lint, type-check, import contracts and the test suite"
	@echo "make bench     run the benchmarks and print their figures"

install: $(VENV)/.apt-stamp $(VENV)/.pip-stamp $(VENV)/.npm-stamp
	@# bytecode for our own modules (an environment with PYTHONDONTWRITEBYTECODE=1 never writes
	@# it, and every cold CLI start would compile them again); quick when nothing changed
	@$(PY) -m compileall -q src/dsreview >/dev/null

# apt: only when a package is missing (dpkg-query is quick), so a ready machine skips it.
$(VENV)/.apt-stamp: Makefile
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@command -v npm >/dev/null || (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm)
	@# the PDF converters' own unprivileged account (used when the service runs as root)
	@if [ "$$(id -u)" = 0 ] && ! id -u dsreview-convert >/dev/null 2>&1; then \
	  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin dsreview-convert; \
	fi
	@mkdir -p $(VENV) && touch $@

# The venv is made from Debian's python3 with system site packages so that LibreOffice's
# Python bridge (python3-uno, built for that interpreter) is importable.
$(VENV)/bin/python: | $(VENV)/.apt-stamp
	$(SYS_PY) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.pip-stamp: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PY) -m pip install -q -c constraints.txt -e '.[dev]'
	@touch $@

$(VENV)/.npm-stamp: package.json $(VENV)/.apt-stamp
	@if [ -f package-lock.json ]; then npm ci --silent --no-audit --no-fund; else npm install --silent --no-audit --no-fund; fi
	@touch $@

# The demo: its accounts share a published password, so only this target loads them.
run: install
	DSREVIEW_DEMO_DATA=true $(BIN)/dsreview serve

test: install
	$(BIN)/ruff check src tests samples benchmarks
	$(BIN)/ruff format --check src tests samples benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest -n 2 --dist loadgroup

bench: install
	$(PY) benchmarks/intake.py
	$(PY) benchmarks/heldout.py
	$(PY) benchmarks/ocr.py
	$(PY) benchmarks/ocr_cost.py
	$(PY) benchmarks/render.py
	$(PY) benchmarks/service.py

samples: install
	$(PY) samples/generate.py

clean:
	rm -rf $(VENV) node_modules .mypy_cache .ruff_cache .pytest_cache
