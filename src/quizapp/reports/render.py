"""Showing a ClassReport: Rich tables for the terminal, CSV for spreadsheets, one HTML page.

The HTML page is self-contained (inline CSS and SVG bar charts, no script, no network), so an
instructor can mail it or open it offline.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable

from rich.console import Group
from rich.table import Table

from quizapp.reports.aggregate import ClassReport, Tally
from quizapp.safety.cells import csv_row
from quizapp.safety.terminal import literal


def pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def rich_report(report: ClassReport) -> Group:
    """The report as Rich tables, hardest facts first."""
    hardest = Table(title=f"Facts the class fails most ({report.students} students)")
    named = any(row.question is not None for row in report.hardest)
    first = "question" if named else "unit"
    for name in (first, "deck", "category", "students", "failed last", "lapses/review", "mean R"):
        hardest.add_column(
            name,
            justify="left" if name in (first, "deck", "category") else "right",
            max_width=60 if name == first else None,
            overflow="ellipsis",
        )
    for row in report.hardest:
        t = row.tally
        hardest.add_row(
            literal(row.name),
            literal(row.deck),
            literal(row.category),
            str(t.students),
            pct(1 - t.retention if t.retention is not None else None),
            f"{t.lapse_rate:.2f}" if t.lapse_rate is not None else "-",
            pct(t.mean_retrievability),
        )
    tables: list[Table] = [hardest]
    for title, tallies in (
        ("Retention per deck", report.decks),
        (
            "Retention per category",
            report.categories,
        ),
    ):
        table = Table(title=title)
        for name in ("name", "units reviewed", "retention", "mean R", "lapses/review"):
            table.add_column(name, justify="left" if name == "name" else "right")
        for name, t in tallies.items():
            table.add_row(
                literal(name),
                str(t.reviewed),
                pct(t.retention),
                pct(t.mean_retrievability),
                f"{t.lapse_rate:.2f}" if t.lapse_rate is not None else "-",
            )
        tables.append(table)
    risk = Table(title=f"Students at risk ({len(report.at_risk)})")
    for name in ("anonymous id", "units reviewed", "retention", "mean R"):
        risk.add_column(name, justify="left" if name == "anonymous id" else "right")
    for s in report.at_risk:
        risk.add_row(
            literal(s.student),
            str(s.tally.reviewed),
            pct(s.tally.retention),
            pct(s.tally.mean_retrievability),
        )
    tables.append(risk)
    return Group(*tables)


def csv_report(report: ClassReport) -> str:
    """One CSV with a `section` column: hardest units, decks, categories, students at risk."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "section",
            "name",
            "deck",
            "category",
            "students",
            "reviewed",
            "retention",
            "mean_retrievability",
            "lapse_rate",
        ]
    )

    def num(value: float | None) -> str:
        return "" if value is None else f"{value:.4f}"

    def emit(section: str, name: str, deck: str, category: str, t: Tally) -> None:
        writer.writerow(
            csv_row(
                [
                    section,
                    name,
                    deck,
                    category,
                    t.students,
                    t.reviewed,
                    num(t.retention),
                    num(t.mean_retrievability),
                    num(t.lapse_rate),
                ]
            )
        )

    for row in report.hardest:
        emit("hardest", row.name, row.deck, row.category, row.tally)
    for name, t in report.decks.items():
        emit("deck", name, name, "", t)
    for name, t in report.categories.items():
        emit("category", name, "", name, t)
    for s in report.at_risk:
        emit("at_risk", s.student, "", "", s.tally)
    return out.getvalue()


CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#222}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}svg text{font-size:12px}"""


def _bars(items: Iterable[tuple[str, float]], color: str) -> str:
    """A horizontal SVG bar chart of values between 0 and 1."""
    rows = list(items)
    height = 22 * len(rows) + 10
    parts = [f'<svg width="640" height="{height}" role="img">']
    for i, (label, value) in enumerate(rows):
        y = 5 + 22 * i
        width = max(0.0, min(1.0, value)) * 380
        parts.append(
            f'<text x="0" y="{y + 14}">{html.escape(label[:32])}</text>'
            f'<rect x="220" y="{y}" width="{width:.1f}" height="16" fill="{color}"/>'
            f'<text x="{226 + width:.1f}" y="{y + 14}">{value * 100:.0f}%</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: list[str], rows: Iterable[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def html_report(report: ClassReport, title: str = "Class report") -> str:
    """A self-contained HTML page with the tables and bar charts."""
    hardest = [
        [
            r.name,
            r.deck,
            r.category,
            str(r.tally.students),
            pct(1 - r.tally.retention if r.tally.retention is not None else None),
            pct(r.tally.mean_retrievability),
        ]
        for r in report.hardest
    ]
    sections = [
        f"<h1>{html.escape(title)}</h1><p>{report.students} students.</p>",
        "<h2>Facts the class fails most</h2>",
        _bars(((r.name, 1 - (r.tally.retention or 0.0)) for r in report.hardest[:15]), "#c0392b"),
        _table(["unit", "deck", "category", "students", "failed last", "mean R"], hardest),
    ]
    for name, tallies in (("deck", report.decks), ("category", report.categories)):
        sections.append(f"<h2>Retention per {name}</h2>")
        sections.append(_bars(((k, t.retention or 0.0) for k, t in tallies.items()), "#2e86c1"))
        sections.append(
            _table(
                [name, "units reviewed", "retention", "mean R"],
                (
                    [k, str(t.reviewed), pct(t.retention), pct(t.mean_retrievability)]
                    for k, t in tallies.items()
                ),
            )
        )
    sections.append(f"<h2>Students at risk ({len(report.at_risk)})</h2>")
    sections.append(
        _table(
            ["anonymous id", "units reviewed", "retention", "mean R"],
            (
                [
                    s.student,
                    str(s.tally.reviewed),
                    pct(s.tally.retention),
                    pct(s.tally.mean_retrievability),
                ]
                for s in report.at_risk
            ),
        )
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>"
        + "\n".join(sections)
        + "</body></html>\n"
    )
