"""The `newsdrop` command: drop bundles, follow them, and read articles from a local or deployed stack."""
