"""Printing a quiz as Markdown or as a self-contained HTML page, with the answer key last."""

from __future__ import annotations

import html
from collections.abc import Sequence

from quizapp.quizsheet.build import LETTERS, Question
from quizapp.safety.cells import md_text


def to_markdown(questions: Sequence[Question], title: str, seed: int) -> str:
    """The sheet as Markdown; card text goes through `md_text`, so it cannot fake structure
    (a heading, a rule, a second answer key) or carry HTML."""
    lines = [f"# {md_text(title)}", "", f"*{len(questions)} questions, seed {seed}*", ""]
    for n, q in enumerate(questions, 1):
        lines += [f"**{n}.** {md_text(q.prompt)}  ", f"*{q.instruction}*", ""]
        lines += [f"   {i}. {md_text(text)}" for i, text in enumerate(q.lines, 1)]
        lines += [f"   - {LETTERS[i]}) {md_text(text)}" for i, text in enumerate(q.options)]
        if q.lines or q.options:
            lines.append("")
        if not q.options:
            lines += ["   Answer: ______________________________", ""]
    lines += ["---", "", "## Answer key", ""]
    lines += [
        f"{n}. {md_text(q.answer)}  ({md_text(q.card_id)})" for n, q in enumerate(questions, 1)
    ]
    return "\n".join(lines) + "\n"


CSS = """body{font-family:Georgia,serif;max-width:45rem;margin:2rem auto}
.q{margin:1.2rem 0;break-inside:avoid}.i{font-style:italic;color:#555}
.key{break-before:page}.id{color:#888;font-size:.8em}"""


def to_html(questions: Sequence[Question], title: str, seed: int) -> str:
    esc = html.escape
    parts = [
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>',
        f"<style>{CSS}</style></head><body><h1>{esc(title)}</h1>",
        f"<p>{len(questions)} questions, seed {seed}</p>",
    ]
    for n, q in enumerate(questions, 1):
        parts.append(f'<div class="q"><p><b>{n}.</b> {esc(q.prompt)}</p>')
        parts.append(f'<p class="i">{esc(q.instruction)}</p>')
        if q.lines:
            parts.append("<ol>" + "".join(f"<li>{esc(t)}</li>" for t in q.lines) + "</ol>")
        if q.options:
            parts.append(
                '<ol type="A">' + "".join(f"<li>{esc(t)}</li>" for t in q.options) + "</ol>"
            )
        else:
            parts.append("<p>Answer: ______________________________</p>")
        parts.append("</div>")
    parts.append('<div class="key"><h2>Answer key</h2><ol>')
    parts += [
        f'<li>{esc(q.answer)} <span class="id">{esc(q.card_id)}</span></li>' for q in questions
    ]
    parts.append("</ol></div></body></html>\n")
    return "\n".join(parts)
