"""The anonymous progress summary a student hands in: its format, digest and strict reading.

One JSON file per student: a random student id (never derived from anything personal), a format
version, one row per study unit, and a sha256 digest over the canonical encoding of the body.
The digest makes edits and corruption detectable; it is not a signature (anyone can recompute
it), so it stops accidents and casual tampering, not a determined forger.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated, Literal

import msgspec

FORMAT_NAME = "quizapp-progress-summary"
FORMAT_VERSION = 1
DIGEST_PREFIX = "sha256:"

Count = Annotated[int, msgspec.Meta(ge=0)]
Probability = Annotated[float, msgspec.Meta(ge=0.0, le=1.0)]
StudentId = Annotated[
    str, msgspec.Meta(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]


class UnitSummary(msgspec.Struct, frozen=True, forbid_unknown_fields=True, array_like=True):
    """One study unit's progress; a JSON array to keep 1,000-unit files small and quick to read.

    `last_rating` is 1 (Again) to 4 (Easy), 0 when never reviewed; `stability` (days) and
    `retrievability` are the scheduler's estimates when it has them.
    """

    uid: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    deck: Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
    category: Annotated[str, msgspec.Meta(max_length=40)]
    reviews: Count
    lapses: Count
    last_rating: Annotated[int, msgspec.Meta(ge=0, le=4)]
    stability: Annotated[float, msgspec.Meta(ge=0.0)] | None = None
    retrievability: Probability | None = None


class SummaryBody(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What the digest covers."""

    format: Literal["quizapp-progress-summary"]
    version: Literal[1]
    student: StudentId
    created: Annotated[str, msgspec.Meta(min_length=10, max_length=40)]
    units: tuple[UnitSummary, ...]


class SummaryFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The file as written: the body and its digest."""

    body: SummaryBody
    digest: str


class SummaryError(ValueError):
    """A summary file that cannot be trusted; the message says what is wrong with it."""


_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(SummaryFile)


def digest_of(body: SummaryBody) -> str:
    """`sha256:HEX` over the canonical JSON encoding of the body (struct field order)."""
    return DIGEST_PREFIX + hashlib.sha256(_ENCODER.encode(body)).hexdigest()


def encode_summary(body: SummaryBody) -> bytes:
    """The bytes of a summary file, digest included."""
    return _ENCODER.encode(SummaryFile(body=body, digest=digest_of(body))) + b"\n"


def decode_summary(data: bytes) -> SummaryBody:
    """Read and check one summary file; raise SummaryError saying what is wrong."""
    if data[:1] != b"{":
        stripped = data.lstrip()
        if stripped[:1] != b"{":
            raise SummaryError("not a quizapp progress summary (expected a JSON object)")
    try:
        parsed = _DECODER.decode(data)
    except msgspec.ValidationError as error:
        raise SummaryError(f"not a valid progress summary: {error}") from None
    except msgspec.DecodeError as error:
        raise SummaryError(f"malformed JSON: {error}") from None
    if parsed.digest != digest_of(parsed.body):
        raise SummaryError(
            "digest does not match the content: the file was edited or damaged after export"
        )
    created_at(parsed.body)
    return parsed.body


def created_at(body: SummaryBody) -> dt.datetime:
    """When the summary was made: an ISO 8601 time with a UTC offset, or SummaryError."""
    try:
        when = dt.datetime.fromisoformat(body.created)
    except ValueError:
        raise SummaryError(f"'created' is not a date and time: {body.created!r}") from None
    if when.tzinfo is None:
        raise SummaryError(f"'created' has no UTC offset: {body.created!r}")
    return when
