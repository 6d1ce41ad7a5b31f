"""`quizapp report FILES...`: aggregate students' anonymous summaries into a class report."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from quizapp.errors import QuizappError
from quizapp.safety.terminal import echo, plain_console

EPILOG = """examples:
  quizapp report handed-in/*.json                   tables in the terminal
  quizapp report handed-in/ --html class.html       also a page with charts
  quizapp report handed-in/ --csv class.csv --top 50
  quizapp report handed-in/ --skip-invalid          report on the files that check out
  quizapp report handed-in/ --decks decks           name each fact by its question

Students make their file with `quizapp progress export --anonymous -o FILE`.
exit status: 0 on success, 2 when a file is malformed or tampered with (unless --skip-invalid)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="aggregate anonymous progress summaries into a class report",
        description="Read any number of anonymous progress summaries (files or folders of "
        "*.json) and show the facts the class fails most, retention per deck and category, "
        "and students at risk (by anonymous id). Every file's digest is checked.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="summary files or folders"
    )
    parser.add_argument("--csv", type=Path, metavar="FILE", help="also write the report as CSV")
    parser.add_argument("--html", type=Path, metavar="FILE", help="also write an HTML page")
    parser.add_argument("--top", type=int, default=20, help="how many hardest units (default 20)")
    parser.add_argument(
        "--risk-below",
        type=float,
        default=0.7,
        metavar="SHARE",
        help="a student is at risk below this retention (default 0.7)",
    )
    parser.add_argument(
        "--skip-invalid", action="store_true", help="leave bad files out instead of stopping"
    )
    parser.add_argument(
        "--decks",
        dest="question_decks",
        type=Path,
        metavar="DIR",
        help="the course's deck folder: name each fact by its question (else by its id)",
    )
    parser.add_argument("--quiet", action="store_true", help="no tables on the terminal")
    parser.add_argument("--force", action="store_true", help="replace --csv/--html files")
    parser.set_defaults(run=run)


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders give their `*.json` files, sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.json") if p.is_file()))
        else:
            files.append(path)
    return files


def questions_in(folder: Path) -> dict[str, str]:
    """Each study unit's question (its first line) in the decks under `folder`."""
    from quizapp.decks import load_decks
    from quizapp.quiz.prompts import prompt_of

    if not folder.exists():
        raise QuizappError(f"--decks {folder}: no such file or folder")
    questions: dict[str, str] = {}
    for unit in load_decks([folder]).units():
        lines = prompt_of(unit).question.strip().splitlines()
        questions[unit.uid] = lines[0] if lines else unit.uid
    return questions


def run(args: argparse.Namespace) -> int:
    from quizapp.commands.bar import progress_bar
    from quizapp.reports.aggregate import aggregate, read_summaries, with_questions
    from quizapp.reports.render import csv_report, html_report, rich_report
    from quizapp.safety.files import refuse_existing, write_new

    if args.top < 1 or not 0.0 < args.risk_below <= 1.0:
        raise QuizappError("--top must be at least 1 and --risk-below between 0 and 1")
    for target in (args.csv, args.html):
        if target is not None:
            refuse_existing(target, args.force)
    files = expand(args.files)
    if not files:
        raise QuizappError("no summary files found (folders are searched for *.json)")
    with progress_bar("Reading summaries", len(files)) as advance:
        bodies, rejected = read_summaries(files, advance, now=dt.datetime.now(dt.UTC))
    for bad in rejected:
        echo(f"quizapp: rejected {bad.path}: {bad.reason}", file=sys.stderr)
    if rejected and not args.skip_invalid:
        raise QuizappError(
            f"{len(rejected)} of {len(files)} files rejected; fix or remove them, "
            "or pass --skip-invalid to report on the rest"
        )
    if not bodies:
        raise QuizappError("no valid summary to report on")
    report = aggregate(bodies, top=args.top, risk_threshold=args.risk_below)
    if args.question_decks is not None:
        report = with_questions(report, questions_in(args.question_decks))
    for student in report.duplicates:
        echo(f"quizapp: student {student} handed in twice; kept the newest", file=sys.stderr)
    if not args.quiet:
        plain_console().print(rich_report(report))
    for target, text in ((args.csv, csv_report), (args.html, html_report)):
        if target is not None:
            write_new(target, text(report), force=args.force)
            echo(f"wrote {target}", file=sys.stderr)
    return 0
