"""Documents → typed facts (deck format v2), by rules (no network, no model).

`document` reads a text or Markdown file into lines of a kind and sentences; `typed.propose_facts`
turns one document into fact proposals, each with a confidence; `factfile` merges them into a
deck's `facts:` without touching what an instructor reviewed or rejected; `score` measures them
against hand labels.
"""

from __future__ import annotations

from quizapp.generate.document import Document, parse_document, read_document

__all__ = ["Document", "parse_document", "read_document"]
