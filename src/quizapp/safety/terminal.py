"""Text from input shown on a terminal: markup is never interpreted, control characters are
made visible, so a deck title or a hand-in cannot retitle, clear or hyperlink the terminal.

Every screen (through `literal`) and every command (through `echo` and `plain_console`) shows
text this way; `guarded_streams` also covers any stray write to a terminal.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

# C0 controls but tab and newline, DEL, C1 controls (a lone 0x9b is CSI on some terminals),
# and the invisible characters that reorder or break what is shown (bidi overrides, line and
# paragraph separators, the byte-order mark).
_HIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
_HIDDEN_OR_LINE = re.compile(_HIDDEN.pattern[:-1] + "\t\n]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL ...
    if code == 0x7F:
        return "\u2421"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character replaced by a visible stand-in (tab, newline kept)."""
    return _HIDDEN.sub(_shown, text)


def one_line(text: str) -> str:
    """Like `visible`, and tabs and newlines shown too: for values inside a one-line message."""
    return _HIDDEN_OR_LINE.sub(_shown, text)


def literal(text: str, style: str = "") -> Text:
    """A Rich `Text` of untrusted text: `[bold]` stays the characters `[bold]`."""
    from rich.text import Text

    return Text(visible(text), style=style)


def echo(*values: object, file: TextIO | None = None, sep: str = " ", end: str = "\n") -> None:
    """`print` for messages that may hold input (names, titles, values): shown visibly."""
    stream = sys.stdout if file is None else file
    stream.write(visible(sep.join(str(value) for value in values)) + end)


class TerminalGuard(io.TextIOBase):
    """A text stream in front of a terminal that makes control characters in writes visible."""

    def __init__(self, raw: TextIO) -> None:
        super().__init__()
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def fileno(self) -> int:
        return self.raw.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.raw.encoding


def raw_stream(stream: TextIO) -> TextIO:
    """The stream under a guard (Rich writes its own styling codes there)."""
    return stream.raw if isinstance(stream, TerminalGuard) else stream


def plain_console(stderr: bool = False) -> Console:
    """A Rich console that never reads markup, emoji codes or highlights in what it prints."""
    from rich.console import Console

    stream = raw_stream(sys.stderr if stderr else sys.stdout)
    return Console(file=stream, markup=False, emoji=False, highlight=False)


@contextmanager
def guarded_streams() -> Iterator[None]:
    """While inside, writes to stdout or stderr that are terminals have codes made visible."""
    saved = sys.stdout, sys.stderr
    try:
        if _is_terminal(sys.stdout):
            sys.stdout = TerminalGuard(sys.stdout)
        if _is_terminal(sys.stderr):
            sys.stderr = TerminalGuard(sys.stderr)
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and not isinstance(stream, TerminalGuard) and stream.isatty()
    except (AttributeError, ValueError):
        return False
