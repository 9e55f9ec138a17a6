"""`python -m newsdrop_cli` runs the `newsdrop` command (for environments where the script is not on PATH)."""

from newsdrop_cli.main import main

main()
