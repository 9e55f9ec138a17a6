"""Performance figures for `make bench` (docs/bench.md); they print numbers and assert nothing."""
