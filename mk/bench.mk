# `make bench`: performance figures (split+clean throughput, end-to-end ingest into the local stack, DynamoDB
# requests per 1,000 articles, write units and items per new article with search recall (bench.storage),
# lookup latency, peak RSS for 50 MB and 500 MB bundles, cold imports).
# Prints figures and asserts nothing; about 10 minutes on 2 cores. docs/bench.md keeps the latest.
# BENCH_FLAGS e.g. "--quick" (small sizes, a minute) or "--json bench.json".
BENCH_FLAGS ?=

.PHONY: bench

bench: $(VENV_STAMP)
	$(VENV)/bin/python -m bench.run $(BENCH_FLAGS)
