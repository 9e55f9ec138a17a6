"""Entry point of the `newsdrop` command."""


def main() -> None:
    raise SystemExit(0)
