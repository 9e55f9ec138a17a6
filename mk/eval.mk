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

# `make eval-perturbed`: the HTML path and trafilatura alone on make eval's HTML sample rewritten into unseen markup
# (tools.html_perturb: no class/id, no meta/JSON-LD, no HTML5 semantic tags, a layout table, plain headlines, and
# all at once), per kind and source with the margin over trafilatura. About 8 runs x 1 min per core: not in CI's
# make eval. EVAL_PERTURBED_FLAGS e.g. "--kinds none,all --jobs 2 --dump /tmp/perturbed.jsonl".
EVAL_PERTURBED_FLAGS ?= --jobs 2

.PHONY: eval-perturbed

eval-perturbed: $(VENV_STAMP)
	$(VENV)/bin/python -m tools.eval_perturbed $(EVAL_PERTURBED_FLAGS)
