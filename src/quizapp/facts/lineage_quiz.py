"""The lineage quiz: hide a group or an edge label of the drawn lineage and ask for it.

A question is the drawing around one edge (the group it comes from and the group it leads to)
with one part replaced by `?`, and up to four choices: other groups' labels for a hidden group,
other edges' labels for a hidden label. The random source is a parameter.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Sequence

import msgspec

from quizapp.facts.drawing import DrawnRow

CHOICES = 4


class Hidden(enum.StrEnum):
    NODE = "node"
    EDGE = "edge"


class LineageQuestion(msgspec.Struct, frozen=True, gc=False):
    """Rows to show (`hidden_row` has its part replaced by `?`), the choices and the answer."""

    rows: tuple[DrawnRow, ...]
    hidden_row: int
    hidden: Hidden
    choices: tuple[str, ...]
    answer: int
    """Index of the right choice."""
    docs: tuple[str, ...]

    @property
    def prompt(self) -> str:
        if self.hidden is Hidden.NODE:
            return "Which group is hidden?"
        return "What relation is hidden, and when?"

    def shown(self) -> list[str]:
        """The rows as text, the hidden part a `?`, moved left as far as they all go."""
        cut = min(len(row.indent) for row in self.rows) if self.rows else 0
        return [
            row.plain(
                hide_node=index == self.hidden_row and self.hidden is Hidden.NODE,
                hide_edge=index == self.hidden_row and self.hidden is Hidden.EDGE,
                mark_reference=False,
            )[cut:]
            for index, row in enumerate(self.rows)
        ]


def questions(rows: Sequence[DrawnRow], rng: random.Random, count: int) -> list[LineageQuestion]:
    """Up to `count` questions on distinct edges, each hiding a group or an edge label.

    An edge is only asked about when there are other labels to choose from; a reference row
    (a group drawn elsewhere) is asked about like any other: its edge is real.
    """
    edge_rows = [index for index, row in enumerate(rows) if row.edge is not None]
    node_labels = sorted({row.node_label for row in rows})
    edge_labels = sorted({row.edge_label for row in rows if row.edge is not None})
    rng.shuffle(edge_rows)
    found: list[LineageQuestion] = []
    for index in edge_rows[:count]:
        row = rows[index]
        parent = _parent(rows, index)
        context = (rows[parent], row) if parent is not None else (row,)
        hide = Hidden.NODE if rng.random() < 0.5 else Hidden.EDGE
        right = row.node_label if hide is Hidden.NODE else row.edge_label
        pool = node_labels if hide is Hidden.NODE else edge_labels
        others = [label for label in pool if label != right]
        if not others:
            hide = Hidden.NODE if hide is Hidden.EDGE else Hidden.EDGE
            right = row.node_label if hide is Hidden.NODE else row.edge_label
            pool = node_labels if hide is Hidden.NODE else edge_labels
            others = [label for label in pool if label != right]
            if not others:
                continue
        choices = [*rng.sample(others, min(CHOICES - 1, len(others))), right]
        rng.shuffle(choices)
        assert row.edge is not None
        found.append(
            LineageQuestion(
                rows=tuple(context),
                hidden_row=len(context) - 1,
                hidden=hide,
                choices=tuple(choices),
                answer=choices.index(right),
                docs=row.edge.docs,
            )
        )
    return found


def _parent(rows: Sequence[DrawnRow], index: int) -> int | None:
    """The row of the group this row's edge comes from: the nearest row above, less indented."""
    depth = len(rows[index].indent)
    for above in range(index - 1, max(-1, index - 10_000), -1):
        if len(rows[above].indent) < depth:
            return above
    return None
