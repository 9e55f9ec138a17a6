# `make eval`: score the cleaner (seeds, cleaning-dev article/page/html views, raw baseline, MB/s) and
# fail when a figure drops below eval/floors.json (docs/eval.md). EVAL_FLAGS e.g. "--worst 5".
EVAL_FLAGS ?=

.PHONY: eval

eval: $(VENV_STAMP)
	$(VENV)/bin/python -m tools.eval_cleaner $(EVAL_FLAGS)

# `make train`: fit the cleaner's line model (seeded, a minute or less) into functions/newsdrop/text/cleaner/model.json
# and the per-fold models of make eval's grouped cross-validation into eval/cv-models.json.
.PHONY: train

train: $(VENV_STAMP)
	$(VENV)/bin/python -m tools.train_cleaner $(TRAIN_FLAGS)
