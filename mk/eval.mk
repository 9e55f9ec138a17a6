# `make eval`: score the cleaner (seeds, cleaning-dev article/page/html views, raw baseline, MB/s) and
# fail when a figure drops below eval/floors.json (docs/eval.md). EVAL_FLAGS e.g. "--worst 5".
EVAL_FLAGS ?=

.PHONY: eval

eval: $(VENV_STAMP)
	$(VENV)/bin/python -m tools.eval_cleaner $(EVAL_FLAGS)
