# newsdrop developer tasks: `make test`, `make lint`, `make build`. Each installs what it needs on first use.
SHELL := /bin/bash
.DEFAULT_GOAL := test

PYTHON ?= python3
VENV := .venv
SAM_VENV := .venv-sam
# aws-sam-cli lives in its own venv: its pins conflict with moto's and powertools'.
SAM_VERSION := 1.170.0
# The pip of python3.11's venv (23.x) reads jusText's lxml[html_clean] as an unknown extra and warns; 25.3 does
# not (26.x prints a setuptools notice on the editable install instead).
PIP_VERSION := 25.3
VENV_STAMP := $(VENV)/.requirements.stamp
SAM_STAMP := $(SAM_VENV)/.sam-$(SAM_VERSION).stamp
PIP_FLAGS := --disable-pip-version-check --quiet

export AWS_DEFAULT_REGION ?= us-east-1
export SAM_CLI_TELEMETRY := 0

# sam build resolves dependencies with the Lambda runtime's Python (3.12): under pyenv, put it on PATH too.
PY312 := $(shell command -v pyenv >/dev/null 2>&1 && pyenv versions --bare 2>/dev/null | grep -E '^3\.12(\.[0-9]+)?$$' | tail -n 1)
PYENV_CURRENT := $(shell command -v pyenv >/dev/null 2>&1 && pyenv version-name 2>/dev/null)
SAM_BUILD_ENV := $(if $(PY312),PYENV_VERSION=$(PY312)$(if $(PYENV_CURRENT),:$(PYENV_CURRENT)),)

.PHONY: test lint sam build venv clean

venv: $(VENV_STAMP)

# Reinstalls only when a requirements file changes (requirements.txt includes functions/requirements.txt).
$(VENV_STAMP): requirements.txt functions/requirements.txt
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install $(PIP_FLAGS) pip==$(PIP_VERSION)
	$(VENV)/bin/pip install $(PIP_FLAGS) -r requirements.txt
	touch $@

sam: $(SAM_STAMP)

$(SAM_STAMP):
	test -x $(SAM_VENV)/bin/python || $(PYTHON) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/pip install $(PIP_FLAGS) aws-sam-cli==$(SAM_VERSION)
	touch $@

# One pytest worker per core; the e2e tests share one local stack, so they run on one worker (tests/conftest.py).
PYTEST_WORKERS ?= auto
test: $(VENV_STAMP) node  # node: dynalite, the table of the e2e tests' local stack (mk/run.mk)
	@rc=0; $(VENV)/bin/pytest -q -n $(PYTEST_WORKERS) --dist loadgroup || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: check testpaths in pyproject.toml and the tests/ tree" >&2; fi; \
	exit $$rc

lint: $(VENV_STAMP) $(SAM_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/cfn-lint template.yaml
	$(SAM_VENV)/bin/sam validate --lint --template template.yaml

build: $(SAM_STAMP)
	$(SAM_BUILD_ENV) $(SAM_VENV)/bin/sam build --template template.yaml

clean:
	rm -rf .aws-sam .pytest_cache .ruff_cache

# Task groups owned by their features: run (local stack), bench (figures), eval (cleaner quality).
-include mk/*.mk
