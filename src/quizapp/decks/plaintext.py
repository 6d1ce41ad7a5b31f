"""A source document as its reader sees it: Markdown read by a parser, then kept as plain text.

Sources come from web pages and carry their Markdown: `[text](#)` links, `\\$` escapes,
`*emphasis*`, headings. Quotes are matched against, and shown from, the plain text, so a student
never sees link syntax and an author copies the sentence as it reads. markdown-it-py (CommonMark)
does the parsing: hand-written patterns miss nested brackets, escapes and code spans.

What is kept: every text run, code span content, image alt text, raw HTML as literal text, and
an ordered list item's number (`2014.` at the start of a line is part of the sentence, not
presentation). What is dropped: link targets and brackets, emphasis marks, heading and bullet
markers, rules, and a `[PDF]` marker right after a link (the page's note on the link's target).
Blocks are separated by a blank line.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_LINK_NOTE = "[PDF]"


@functools.cache
def _parser() -> MarkdownIt:
    """Built on first use: importing markdown-it costs ~50 ms, which a start that reads no
    source document (loading decks, even from YAML) should not pay."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def _inline(children: list[Token]) -> str:
    parts: list[str] = []
    after_link = False
    for token in children:
        if token.type == "text":
            text = token.content
            if after_link and text.lstrip().startswith(_LINK_NOTE):
                text = text.lstrip()[len(_LINK_NOTE) :]
            parts.append(text)
        elif token.type in ("code_inline", "html_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif token.type == "image":
            parts.append(token.content)
        after_link = token.type == "link_close"
    return "".join(parts)


def plain_text(markdown: str) -> str:
    """The text of a Markdown document without its markup (blocks separated by blank lines)."""
    blocks: list[str] = []
    prefix = ""
    for token in _parser().parse(markdown):
        if token.type == "list_item_open" and token.markup in (".", ")"):
            prefix = f"{token.info}{token.markup} "
        elif token.type == "inline":
            blocks.append(prefix + _inline(token.children or []))
            prefix = ""
        elif token.type in ("fence", "code_block", "html_block"):
            blocks.append(token.content)
    return "\n\n".join(block.strip("\n") for block in blocks if block.strip())
