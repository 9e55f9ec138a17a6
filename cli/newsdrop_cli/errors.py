"""CLI failures, each with the exit code it ends the command with and a hint saying what to do."""

from __future__ import annotations

# Exit codes, documented in `newsdrop --help`.
OK = 0
NOT_OK = 1  # a bundle ended FAILED or PARTIAL, something was not found, or a member could not be cleaned
USAGE = 2  # bad arguments or options (click uses 2 for its own usage errors too)
UNREACHABLE = 3  # the service cannot be reached, or no stack is configured

EXIT_CODES_HELP = (
    "Exit codes: 0 ok; 1 a bundle ended FAILED or PARTIAL, an id was not found, or a member could not be "
    "cleaned; 2 usage error; 3 the service cannot be reached (or no stack is configured)."
)


class CliError(Exception):
    """A failure the user can act on: ``hint`` says how."""

    exit_code = NOT_OK

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class NotFound(CliError):
    exit_code = NOT_OK


class ApiError(CliError):
    """The API answered with an error other than 404 (bad parameter, 5xx...)."""

    exit_code = NOT_OK

    def __init__(
        self, message: str, *, status: int, code: str | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message, hint=hint)
        self.status = status
        self.code = code


class UsageProblem(CliError):
    exit_code = USAGE


class Unreachable(CliError):
    exit_code = UNREACHABLE


class ConfigError(CliError):
    """No usable stack description: the service cannot be reached until one exists."""

    exit_code = UNREACHABLE


class TimedOut(Unreachable):
    """The service accepted the connection but did not answer in time: running, but busy or slow."""
