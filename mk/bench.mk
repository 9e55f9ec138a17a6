# `make bench`: performance figures (split+clean throughput, end-to-end ingest into the local stack, DynamoDB
# requests per 1,000 articles, write units and items per new article with search recall (bench.storage),
# reprocessing throughput in articles/s (bench.reprocess),
# lookup latency, the fan-out speed-up of a 32 MB JSON Lines bundle with its projected AWS wall time
# (bench/fanout.py), peak RSS for 50 MB and 500 MB bundles, cold imports).
# Prints figures and asserts nothing; about 20 minutes on 2 cores (fan-out ~9). docs/bench.md keeps the latest.
# BENCH_FLAGS e.g. "--quick" (small sizes, a minute) or "--json bench.json".
BENCH_FLAGS ?=

.PHONY: bench

bench: $(VENV_STAMP) node
	$(VENV)/bin/python -m bench.run $(BENCH_FLAGS)

# `make bench-scale`: 100,000 distinct articles through the local stack (dynalite table): ingest rate, p50/p99 of
# every lookup route idle and during an ingest, items and WRU per article, search recall, restart time. Prints
# figures, asserts nothing; docs/bench.md keeps the latest. BENCH_SCALE_FLAGS e.g. "--articles 20000".
BENCH_SCALE_FLAGS ?=

.PHONY: bench-scale

bench-scale: $(VENV_STAMP) node
	$(VENV)/bin/python -m bench.scale $(BENCH_SCALE_FLAGS)

# `make bench-instructions`: the text cleaner's instructions under callgrind on every 15th text view, start-up
# subtracted, with a fixed hash seed and no address randomisation (repeatable to a few instructions, where MB/s on
# this shared machine moves by 10 %). Needs valgrind. BENCH_INSTRUCTIONS_FLAGS e.g. "--every 5".
BENCH_INSTRUCTIONS_FLAGS ?=

.PHONY: bench-instructions

bench-instructions: $(VENV_STAMP)
	$(VENV)/bin/python -m bench.instructions $(BENCH_INSTRUCTIONS_FLAGS)
