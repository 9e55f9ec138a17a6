# `make run`: the whole service on 127.0.0.1 without Docker (docs/local.md). Ctrl-C stops it.
# RUN_FLAGS passes options through, e.g. make run RUN_FLAGS="--api-port 3001 --retry-visibility 5".
RUN_FLAGS ?=

# The local table runs on dynalite (Node, LevelDB on disk): `make node` installs it from package-lock.json
# into infra/dynalite/node_modules (git-ignored) and applies the fixes in patch-dynalite.js.
# RUN_FLAGS="--dynamodb moto" needs no Node (the table in memory, rebuilt at each start).
DYNALITE_DIR := infra/dynalite
NODE_STAMP := $(DYNALITE_DIR)/node_modules/.newsdrop.stamp
RUN_NODE := $(if $(findstring --dynamodb moto,$(RUN_FLAGS)),,$(NODE_STAMP))

.PHONY: run run-reset node

node: $(NODE_STAMP)

$(NODE_STAMP): $(DYNALITE_DIR)/package.json $(DYNALITE_DIR)/package-lock.json $(DYNALITE_DIR)/patch-dynalite.js
	@command -v node >/dev/null && command -v npm >/dev/null || { \
		echo "make node: Node.js and npm are needed for the local DynamoDB (dynalite). Install Node 18 or newer" >&2; \
		echo "  (Debian/Ubuntu: apt-get install nodejs npm), or run without it: make run RUN_FLAGS='--dynamodb moto'" >&2; \
		exit 1; }
	cd $(DYNALITE_DIR) && npm ci --no-audit --no-fund --loglevel=error
	node $(DYNALITE_DIR)/patch-dynalite.js
	touch $@

run: $(VENV_STAMP) $(RUN_NODE)
	$(VENV)/bin/python -m infra.local $(RUN_FLAGS)

# Forget the table, every bundle kept for replay, the API key and local.json (the drop folder is left alone).
run-reset:
	rm -rf .newsdrop
