"""How a deck file is spelled beyond what YAML keeps, so rewriting it changes only what must.

Tools that rewrite a deck (fmt, new-card, generate merging into a deck) parse it, change the
tree and dump it again; the dump normalises line endings, drops a BOM and re-spells values
(`\\u00e9` becomes `é`, quotes change). `FileStyle.of` records the file's BOM, line endings and
lines; `apply` puts them back on the dumped text, line by line where the value is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class FileStyle:
    """How a deck file was written, beyond what YAML keeps: BOM, line endings, and the exact
    spelling of each line (`\\u00e9` escapes, quoting) so that rewriting changes only what
    must change."""

    bom: bool
    newline: str
    lines: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> tuple[str, FileStyle]:
        """The text to parse (BOM removed, LF line ends) and the file's style."""
        bom = text.startswith("\ufeff")
        body = text[1:] if bom else text
        newline = "\r\n" if body.count("\r\n") * 2 > body.count("\n") else "\n"
        body = body.replace("\r\n", "\n")
        return body, cls(bom, newline, tuple(body.split("\n")))

    def apply(self, text: str) -> str:
        """`text` (as dumped) written in this style: every line whose value is unchanged is
        spelled as it was, then the file's line endings and BOM."""
        spelled = _respell(text.split("\n"), self.lines)
        out = "\n".join(spelled)
        if self.newline != "\n":
            out = out.replace("\n", self.newline)
        return ("\ufeff" if self.bom else "") + out


NEW_FILE_STYLE = FileStyle(bom=False, newline="\n", lines=())
_KEYED = re.compile(r"^(\s*(?:-\s+)*(?:[A-Za-z_][\w-]*:(?=\s|$))?\s*)(.*)$")
_NOT_PARSED = object()


def _respell(new_lines: list[str], old_lines: tuple[str, ...]) -> list[str]:
    """New lines, each replaced by an old line with the same key and the same YAML value."""
    if not old_lines:
        return new_lines
    known = set(old_lines)
    by_prefix: dict[str, list[str]] = {}
    for line in old_lines:
        match = _KEYED.match(line)
        if match and match.group(2):
            by_prefix.setdefault(match.group(1), []).append(match.group(2))
    out: list[str] = []
    for line in new_lines:
        match = _KEYED.match(line)
        candidates = by_prefix.get(match.group(1), []) if match and line not in known else []
        if candidates and match is not None:
            value = _scalar(match.group(2))
            same = next(
                (old for old in candidates if value is not _NOT_PARSED and _scalar(old) == value),
                None,
            )
            if same is not None:
                line = match.group(1) + same
        out.append(line)
    return out


def _scalar(text: str) -> object:
    """The YAML value of one line's value part, or _NOT_PARSED."""
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return _NOT_PARSED
