"""YAML text for plain data (mappings, lists, strings, numbers, booleans) in the house layout,
written directly: what `quizapp generate` writes, a megabyte of facts at a time.

The round-trip writer (`roundtrip.dump`, ruamel.yaml) lays a deck out the same way but spends
most of a large `generate` run deciding each scalar's style; for plain data that choice is
simple. The layout is the house one: mappings indented by two, list items `- ` two in from
their key, lines never wrapped, Unicode written as is. A string is written plain only when it
is plainly safe (it would read back as the same string under YAML 1.1 and 1.2); otherwise in
single quotes, or double quotes when it holds an apostrophe, a line break or a character that
must be escaped.
Quoting more often than ruamel.yaml would is harmless: `quizapp fmt` keeps a scalar's quotes,
so the text passes `fmt --check` as written. Anything that is not plain data is refused
(`PlainDataError`) so the caller can fall back to the round-trip writer.
"""

from __future__ import annotations

import math
import re
from typing import Any

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# What a plain scalar may hold: printable text without a line break, a tab or the pairs that
# start a comment (" #") or a mapping value (": ").
_PLAIN_TEXT = re.compile(r"[^\x00-\x1f\x7f-\x9f\ufeff\u2028\u2029]+")
# Strings a YAML reader (1.1 or 1.2) would take for a boolean, a null, a number or a date.
_NOT_A_STRING = re.compile(
    r"(?i:y|n|yes|no|on|off|true|false|null|~|\.nan|[-+]?\.inf)"
    r"|[-+]?(?:\d[\d_]*)?(?:\.[\d_]*)?(?:e[-+]?\d+)?"  # numbers, "1_000", ".5", "1e3"
    r"|[-+]?0[xob][0-9a-fA-F_]+"
    r"|[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?"  # sexagesimal (YAML 1.1)
    r"|\d{4}-\d\d?-\d\d?(?:(?:[Tt]|\s+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d\d?(?::\d\d)?))?)?"
    r"|<<|="
)


class PlainDataError(ValueError):
    """The value holds something other than plain data; use the round-trip writer."""


def dump_plain(data: dict[str, Any]) -> str:
    """The YAML text of a mapping of plain data, in the house layout."""
    lines: list[str] = []
    _mapping(data, 0, lines)
    return "\n".join(lines) + "\n"


def _mapping(data: dict[str, Any], indent: int, lines: list[str], first: str = "") -> None:
    """Each key at `indent`; the first line may carry a list item's `- ` (`first`)."""
    pad = " " * indent
    for number, (key, value) in enumerate(data.items()):
        if not isinstance(key, str):
            raise PlainDataError(f"a key that is not a string: {key!r}")
        head = (first if number == 0 and first else pad) + _scalar(key) + ":"
        _value(head, value, indent, lines)


def _value(head: str, value: Any, indent: int, lines: list[str]) -> None:
    if isinstance(value, dict):
        if not value:
            lines.append(head + " {}")
            return
        lines.append(head)
        _mapping(value, indent + 2, lines)
    elif isinstance(value, list | tuple):
        if not value:
            lines.append(head + " []")
            return
        lines.append(head)
        _sequence(value, indent + 2, lines)
    else:
        lines.append(head + " " + _scalar(value))


def _sequence(items: list[Any] | tuple[Any, ...], indent: int, lines: list[str]) -> None:
    """Items as `- ` at `indent`, their content two further in."""
    dash = " " * indent + "- "
    for item in items:
        if isinstance(item, dict) and item:
            _mapping(item, indent + 2, lines, first=dash)
        elif isinstance(item, list | tuple) and item:
            raise PlainDataError("a list directly inside a list")
        elif isinstance(item, dict | list | tuple):
            lines.append(dash + ("{}" if isinstance(item, dict) else "[]"))
        else:
            lines.append(dash + _scalar(item))


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise PlainDataError(f"a number YAML writes specially: {value!r}")
        text = repr(value).lower()
        return text if "." in text or "e" in text else text + ".0"
    if isinstance(value, str):
        return _string(value)
    raise PlainDataError(f"not plain data: {type(value).__name__}")


def _string(text: str) -> str:
    if _plain(text):
        return text
    if "'" in text or "\n" in text or not _PLAIN_TEXT.fullmatch(text.replace("\t", " ") or " "):
        return _double_quoted(text)  # as ruamel.yaml quotes a string holding an apostrophe
    return "'" + text + "'"


def _plain(text: str) -> bool:
    return (
        bool(text)
        and text == text.strip(" ")
        and _PLAIN_TEXT.fullmatch(text) is not None
        and "\t" not in text
        and text[0] not in _INDICATORS
        and not text.endswith(":")
        and ": " not in text
        and " #" not in text
        and _NOT_A_STRING.fullmatch(text) is None
    )


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}


def _double_quoted(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F or char in "\ufeff\u2028\u2029":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
