"""A deck file's round-trip text kept in pieces, so a change re-serializes only the fact it touched.

Dumping a whole deck with `ruamel.yaml` costs about a millisecond per fact: far too slow to write
a 1,000-fact file back after every triage decision. The text of a tree is the text around its
`facts:` list plus each item's own text, and an item dumped on its own (under a `facts:` key of
its own) comes out exactly as it does inside the whole file. So the file is kept as pieces: a
fact's piece is dumped again when it changed, the others are reused, and the joined text is
what a full dump would give.

At the start the whole tree is dumped once and cut where its `facts:` items begin (a line
`  - ` in the list's block). Before an item changes for the first time, `prepare` dumps it alone
and checks that it is its piece; when it is not (an unusual layout), the pieces are made again
by dumping every item, and when even that does not add up to the full dump, every write is a
full dump: slower, never different.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from quizapp.authoring.roundtrip import make_yaml

LIST_KEY = "facts"
ITEM_START = "  - "
WORDS = frozenset({"generated", "reviewed", "rejected"})


class DeckPieces:
    """The text of `tree` (a deck's round-trip tree), rebuilt cheaply after item changes."""

    def __init__(self, tree: CommentedMap) -> None:
        self.tree = tree
        self._yaml = make_yaml()
        # id(item node) -> (the node, kept alive so its id is never reused; its text)
        self._items: dict[int, tuple[Any, str]] = {}
        self._checked: set[int] = set()  # items whose piece is known to be their own dump
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
        """Dump the whole tree and cut it where the facts begin; the full text."""
        full = self._dump(self.tree)
        self._items, self._checked, self.split = {}, set(), False
        seq = self._seq()
        if seq is None:
            return full
        cut = _cut(full, len(seq))
        if cut is not None:
            self._before, texts, self._after = cut
            self._items = {id(item): (item, text) for item, text in zip(seq, texts, strict=True)}
            self.split = True
        else:
            self._split_by_dumps(full, seq)
        return full

    def _split_by_dumps(self, full: str, seq: CommentedSeq) -> None:
        """Pieces from each item's own dump, when they add up to the full text."""
        self._items, self.split = {}, False
        texts = [self._item_text(item) for item in seq]
        joined = "".join(texts)
        start = full.find(joined)
        if start < 0 or full.find(joined, start + 1) >= 0:
            return
        self._before, self._after = full[:start], full[start + len(joined) :]
        self._items = {id(item): (item, text) for item, text in zip(seq, texts, strict=True)}
        self._checked = set(self._items)
        self.split = True

    def prepare(self, nodes: Iterable[Any]) -> None:
        """Call before changing these items: checks each one's piece is its own dump."""
        if not self.split:
            return
        for node in nodes:
            known = self._items.get(id(node))
            if known is None or id(node) in self._checked:
                continue
            if self._item_text(node) != known[1]:
                seq = self._seq()
                full = self._dump(self.tree)
                if seq is None:
                    self.split = False
                else:
                    self._split_by_dumps(full, seq)
                return
            self._checked.add(id(node))

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
        items = list.__iter__(seq)  # the list's own iterator: ruamel's goes item by item in Python
        for item in items:
            known = self._items.get(id(item))
            if known is None:
                known = (item, self._item_text(item))
                self._items[id(item)] = known
                self._checked.add(id(item))
            parts.append(known[1])
        parts.append(self._after)
        if len(self._items) > len(seq):  # items left the list (an undone insert)
            present = {id(item) for item in seq}
            self._items = {k: v for k, v in self._items.items() if k in present}
            self._checked &= present
        return "".join(parts)

    def patch_word(self, node: Any, key: str, old: Any, new: Any) -> bool:
        """Change an item's `key: OLD` line to `key: NEW` in its piece, without dumping.

        Only for a fact's own key whose values are both plain words of `WORDS` (a status): the
        emitter writes such a key as exactly the line `    key: word`, in a piece as in the
        whole file, so the patched piece is what a dump would give. False when that does not
        surely hold (quoted value, a comment on the line, not found once): dump instead.
        """
        if not self.split or type(old) is not str or type(new) is not str:
            return False
        if old not in WORDS or new not in WORDS:
            return False
        known = self._items.get(id(node))
        if known is None:
            return False
        needle = f"\n    {key}: {old}\n"
        text = "\n" + known[1]
        if text.count(needle) != 1:
            return False
        self._items[id(node)] = (node, text.replace(needle, f"\n    {key}: {new}\n")[1:])
        return True


def _cut(full: str, count: int) -> tuple[str, list[str], str] | None:
    """The text before the facts list's items, each item's text, and the text after, found by
    the lines where items begin; None when the layout is not the expected one."""
    lines = full.splitlines(keepends=True)
    starts: list[int] = []
    offset = 0
    inside = False
    end: int | None = None
    for line in lines:
        if not inside:
            if line.startswith(f"{LIST_KEY}:"):
                inside = True
        elif line.startswith(ITEM_START):
            starts.append(offset)
        elif line[:1] not in ("", " ", "#", "\n"):
            end = offset
            break
        offset += len(line)
    if len(starts) != count:
        return None
    stop = len(full) if end is None else end
    bounds = [*starts, stop]
    texts = [full[bounds[i] : bounds[i + 1]] for i in range(count)]
    return full[: starts[0]], texts, full[stop:]
