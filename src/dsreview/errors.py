"""One error tree. Each error carries a stable code, an HTTP status and a CLI exit code.

Exceptions mean "could not run"; problems found in a vendor's documents are `Finding`s, not errors.
One handler renders these for the API (JSON body) and one for the CLI (one line on stderr).
"""

from __future__ import annotations

from typing import Any, ClassVar


class DsreviewError(Exception):
    """Base of every error dsreview raises on purpose."""

    code: ClassVar[str] = "internal_error"
    http_status: ClassVar[int] = 500
    exit_code: ClassVar[int] = 1

    def __init__(self, message: str, *, detail: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}
        # Set when the message comes from the catalogue (forms/messages.json): said again in English
        # for `--lang en` from the same code and facts.
        self.message_code: str | None = None
        self.facts: dict[str, Any] = {}

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.detail:
            body["detail"] = self.detail
        return body


class UsageError(DsreviewError):
    """The caller asked for something unusable: bad arguments, a missing file, invalid data."""

    code = "usage_error"
    http_status = 400
    exit_code = 2


class InputFileError(UsageError):
    """A file named on the command line does not exist or cannot be opened."""

    code = "input_file_error"


class DataValidationError(UsageError):
    """Input data does not match its JSON Schema; `pointer` names the field (RFC 6901)."""

    code = "invalid_data"
    http_status = 422

    def __init__(self, message: str, *, pointer: str = "", detail: dict[str, Any] | None = None) -> None:
        super().__init__(message, detail={"pointer": pointer, **(detail or {})})
        self.pointer = pointer


class PolicyError(DsreviewError):
    """A data file of the package (policy, catalogue, schema) is broken: a deployment error."""

    code = "policy_error"


class ReadError(DsreviewError):
    """A file could not be read. Caught by the pipeline and turned into an `unreadable_document` finding."""

    code = "unreadable_document"
    http_status = 422

    def __init__(
        self, message: str, *, reason: str = "corrupt", detail: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message, detail={"reason": reason, **(detail or {})})
        self.reason = reason


class ConversionError(DsreviewError):
    """LibreOffice could not convert a document to PDF (crash, timeout)."""

    code = "conversion_failed"
    http_status = 503


class AuthenticationError(DsreviewError):
    code = "not_authenticated"
    http_status = 401


class NotFoundError(DsreviewError):
    """Not there, or not yours: the two look the same from outside."""

    code = "not_found"
    http_status = 404


class ForbiddenError(DsreviewError):
    """The role may not use the route at all (never used to hide another owner's data: that is 404)."""

    code = "forbidden"
    http_status = 403


class ConflictError(DsreviewError):
    """The request does not fit the current state (e.g. a decision on an unchecked application)."""

    code = "conflict"
    http_status = 409


class PayloadTooLargeError(DsreviewError):
    code = "payload_too_large"
    http_status = 413


class InvalidCredentialsError(AuthenticationError):
    """Wrong e-mail or password (the two are not told apart)."""

    code = "invalid_credentials"


class UnavailableError(DsreviewError):
    """A part the request needs (database, queue) is not ready; try again later."""

    code = "unavailable"
    http_status = 503


class TooManyRequestsError(DsreviewError):
    """Too many attempts (sign-in): the caller waits `retry_after` seconds (HTTP Retry-After)."""

    code = "too_many_requests"
    http_status = 429

    def __init__(self, message: str, *, retry_after: int, detail: dict[str, Any] | None = None) -> None:
        super().__init__(message, detail={"retry_after": retry_after, **(detail or {})})
        self.retry_after = retry_after
