"""A deck file's round-trip text kept in pieces, so a change re-serializes only the fact it touched.

Dumping a whole deck with `ruamel.yaml` costs about a millisecond per fact: far too slow to write
a 1,000-fact file back after every triage decision. The text of a tree is the text between the
items of its `facts:` list plus each item's own text, and an item dumped on its own (under a
`facts:` key of its own) comes out exactly as it does inside the whole file. So the file is kept
as pieces: a fact's piece is re-dumped when it changed, the others are reused, and the joined
text is what a full dump would give. That is checked when the pieces are built; when it does not
hold (an unusual layout), every write is a full dump instead: slower, never different.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from quizapp.authoring.roundtrip import make_yaml

LIST_KEY = "facts"


class DeckPieces:
    """The text of `tree` (a deck's round-trip tree), rebuilt cheaply after item changes."""

    def __init__(self, tree: CommentedMap) -> None:
        self.tree = tree
        self._yaml = make_yaml()
        # id(item node) -> (the node, kept alive so its id is never reused; its text)
        self._items: dict[int, tuple[Any, str]] = {}
        self._before = ""
        self._after = ""
        self.split = False
        self.rebuild()

    def _dump(self, data: Any) -> str:
        out = io.StringIO()
        self._yaml.dump(data, out)
        return out.getvalue()

    def _item_text(self, item: Any) -> str:
        wrapper = CommentedMap()
        wrapper[LIST_KEY] = CommentedSeq([item])
        text = self._dump(wrapper)
        return text[text.index("\n") + 1 :]

    def _seq(self) -> CommentedSeq | None:
        seq = self.tree.get(LIST_KEY)
        if isinstance(seq, CommentedSeq) and seq and not seq.fa.flow_style():
            return seq
        return None

    def rebuild(self) -> str:
        """Dump the whole tree and cut it into pieces; the full text."""
        full = self._dump(self.tree)
        self._items = {}
        self.split = False
        seq = self._seq()
        if seq is None:
            return full
        texts = [self._item_text(item) for item in seq]
        joined = "".join(texts)
        start = full.find(joined)
        if start < 0 or full.find(joined, start + 1) >= 0:
            return full
        self._before, self._after = full[:start], full[start + len(joined) :]
        self._items = {id(item): (item, text) for item, text in zip(seq, texts, strict=True)}
        self.split = True
        return full

    def text(self, changed: Iterable[Any] = ()) -> str:
        """The tree's text now; `changed` are the item nodes edited since the last call.

        Items new to the list are dumped too. A list that became empty or a flow list falls
        back to a full dump.
        """
        if not self.split:
            return self.rebuild()
        seq = self._seq()
        if seq is None:
            return self.rebuild()
        for node in changed:
            self._items.pop(id(node), None)
        parts = [self._before]
        items: dict[int, tuple[Any, str]] = {}
        for item in seq:
            known = self._items.get(id(item))
            text = known[1] if known is not None else self._item_text(item)
            items[id(item)] = (item, text)
            parts.append(text)
        parts.append(self._after)
        self._items = items
        return "".join(parts)
