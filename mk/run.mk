# `make run`: the whole service on 127.0.0.1 without Docker (docs/local.md). Ctrl-C stops it.
# RUN_FLAGS passes options through, e.g. make run RUN_FLAGS="--api-port 3001 --retry-visibility 5".
RUN_FLAGS ?=

.PHONY: run run-reset

run: $(VENV_STAMP)
	$(VENV)/bin/python -m infra.local $(RUN_FLAGS)

# Forget every bundle kept for replay, the API key and local.json (the drop folder is left alone).
run-reset:
	rm -rf .newsdrop
