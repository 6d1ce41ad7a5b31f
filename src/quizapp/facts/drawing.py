"""The lineage drawn as rows of text: a forest of groups, each edge labelled, in date order.

A terminal cannot draw a general graph legibly in 60 columns, but a lineage is nearly a forest:
groups descend from groups. Each group is drawn once, under the first group (in date order) it
comes from; where it comes from more than one (a merger) or is reached again, a reference row
names it without drawing its descendants twice. Rows are values; the CLI prints them and the
lineage screen styles them.
"""

from __future__ import annotations

import msgspec

from quizapp.facts.lineage import GroupNode, Lineage, LineageEdge, date_key

ARROW = " \u2500\u25b6 "
BRANCH, LAST, PIPE, SPACE = "\u251c\u2500 ", "\u2514\u2500 ", "\u2502  ", "   "
# Deeper lineages are drawn flat from here: no terminal pans usefully past it.
MAX_DEPTH = 40
# A label longer than this is cut (with an ellipsis) in the drawing; profiles show it whole.
MAX_LABEL = 120


def clip(text: str, most: int = MAX_LABEL) -> str:
    return text if len(text) <= most else text[: most - 1] + "\u2026"


class DrawnRow(msgspec.Struct, frozen=True, gc=False):
    """One row: tree lines, the edge that leads here (if any), and the group it shows."""

    indent: str
    edge: LineageEdge | None
    edge_label: str
    """`split 1998`, `merged 2013 with MUJAO`; '' for a root."""
    node_id: str
    node_label: str
    years: str
    reference: bool = False
    """The group is drawn elsewhere; this row only names it."""

    def plain(
        self, hide_node: bool = False, hide_edge: bool = False, mark_reference: bool = True
    ) -> str:
        """The row as text; a hidden part is `?` (the lineage quiz, which shows rows out of the
        drawing and so does not say a group is drawn above)."""
        label = "?" if hide_edge else self.edge_label
        node = "?" if hide_node else self.node_label
        years = "" if hide_node or not self.years else f"  {self.years}"
        seen = " (drawn above)" if self.reference and mark_reference else ""
        lead = f"{label}{ARROW}" if self.edge is not None else ""
        return f"{self.indent}{lead}{node}{years}{seen}"


def draw(lineage: Lineage) -> list[DrawnRow]:
    """The rows of the lineage: lineages from their roots in the order they began, children in
    edge date order; then the groups with no relation to draw."""
    nodes = lineage.by_id()
    labels = {node.id: node.label for node in lineage.nodes}
    out_edges: dict[str, list[LineageEdge]] = {}
    has_parent: set[str] = set()
    for edge in lineage.edges:  # already in date order
        for source in edge.sources:
            out_edges.setdefault(source, []).append(edge)
        has_parent.add(edge.target)
    order = {node.id: index for index, node in enumerate(lineage.nodes)}
    # Lineages first (roots with descendants, oldest first), then groups related to none.
    roots = sorted(
        (node for node in lineage.nodes if node.id not in has_parent),
        key=lambda node: (node.id not in out_edges, date_key(node.began), order[node.id]),
    )
    rows: list[DrawnRow] = []
    placed: set[str] = set()
    # (node, indent, edge leading here, the group it was reached from, last child?): an
    # explicit stack, since a chain of splits may be thousands of groups deep.
    Visit = tuple[str, str, LineageEdge | None, str, bool]
    starts = [root.id for root in roots] + [n.id for n in lineage.nodes if n.id in has_parent]
    for start in starts:
        if start in placed:
            continue
        stack: list[Visit] = [(start, "", None, "", True)]
        while stack:
            node_id, indent, lead, via, last = stack.pop()
            reference = node_id in placed
            rows.append(_row(nodes[node_id], indent, lead, via, last, labels, reference))
            if reference:
                continue
            placed.add(node_id)
            children = out_edges.get(node_id, [])
            child_indent = indent if lead is None else indent + (SPACE if last else PIPE)
            if len(child_indent) > MAX_DEPTH * len(SPACE):
                child_indent = indent
            for index in range(len(children) - 1, -1, -1):
                child = children[index]
                last_child = index == len(children) - 1
                stack.append((child.target, child_indent, child, node_id, last_child))
    return rows


def _row(
    node: GroupNode,
    indent: str,
    edge: LineageEdge | None,
    via: str,
    last: bool,
    labels: dict[str, str],
    reference: bool,
) -> DrawnRow:
    label = ""
    if edge is not None:
        label = edge.label()
        partners = [labels.get(s, s) for s in edge.sources if s != via]
        if partners:
            label += " with " + " + ".join(partners)
    return DrawnRow(
        indent=indent + ("" if edge is None else (LAST if last else BRANCH)),
        edge=edge,
        edge_label=clip(label),
        node_id=node.id,
        node_label=clip(node.label),
        years=node.years(),
        reference=reference,
    )
