"""Deck text shown literally: never parsed as markup, control characters made visible."""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def visible(text: str) -> str:
    """Replace control characters (ESC of escape codes, bells...) with their visible symbols."""
    return _CONTROL.sub(
        lambda m: chr(0x2400 + ord(m.group())) if m.group() != "\x7f" else "␡", text
    )


def literal(text: str, style: str = "") -> Text:
    """A Rich `Text` of deck text: `[bold]` stays as the characters `[bold]`."""
    return Text(visible(text), style=style)
