"""Reversible changes to a round-trip deck tree: every triage decision is a list of these.

Each change knows how to undo itself, comments included (a removed key's comments come back with
it), and which fact it touched, so the file writer re-serializes only that fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

_MISSING = object()


@dataclass
class SetKey:
    """`mapping[key] = value` (or remove the key when `value` is None), undoable."""

    mapping: CommentedMap
    key: str
    value: Any
    fact: CommentedMap | None  # the fact node this change is in; None: outside the facts
    _old: Any = field(default=_MISSING, init=False)
    _position: int = field(default=0, init=False)
    _comment: Any = field(default=None, init=False)

    @property
    def old(self) -> Any:
        """The value before `apply` (None when the key was absent)."""
        return None if self._old is _MISSING else self._old

    def apply(self) -> None:
        mapping, key = self.mapping, self.key
        self._old = mapping.get(key, _MISSING)
        self._comment = mapping.ca.items.get(key)
        if self._old is not _MISSING:
            self._position = list(mapping).index(key)
            if self.value is None:
                del mapping[key]
            else:
                mapping[key] = self.value
        elif self.value is not None:
            keys = list(mapping)
            # A new field goes before the sources, which close a fact.
            position = keys.index("sources") if "sources" in keys else len(keys)
            mapping.insert(position, key, self.value)

    def revert(self) -> None:
        mapping, key = self.mapping, self.key
        if key in mapping:
            del mapping[key]
        if self._old is not _MISSING:
            mapping.insert(self._position, key, self._old)
            if self._comment is not None:
                mapping.ca.items[key] = self._comment


@dataclass
class InsertItem:
    """`seq.insert(index, item)`, undoable."""

    seq: CommentedSeq
    index: int
    item: Any
    fact: CommentedMap | None

    def apply(self) -> None:
        self.seq.insert(self.index, self.item)

    def revert(self) -> None:
        del self.seq[self.index]


Edit = SetKey | InsertItem
