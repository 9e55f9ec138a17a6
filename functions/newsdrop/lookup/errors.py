"""Errors the lookup domain raises; the HTTP layer maps each to one status code."""

from __future__ import annotations

from newsdrop.errors import NewsdropError


class BadParameter(NewsdropError):
    """A request parameter is malformed or out of range (HTTP 400); ``parameter`` names it."""

    code = "bad_parameter"

    def __init__(self, parameter: str, message: str, *, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.parameter = parameter


class InvalidCursor(BadParameter):
    """A pagination cursor that was altered, truncated, or issued for a different query."""

    code = "invalid_cursor"

    def __init__(self, message: str) -> None:
        super().__init__(
            "cursor",
            message,
            hint="repeat the request without cursor and follow next_cursor from its answer unchanged",
        )


class NoSuchItem(NewsdropError):
    """An article or bundle id that is well-formed but unknown (HTTP 404)."""

    code = "not_found"


class ResponseTooLarge(NewsdropError):
    """An answer larger than Lambda may return (6 MB): refused with a reason instead of failing in Lambda."""

    code = "response_too_large"
