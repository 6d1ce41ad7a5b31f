"""Nothing from input reaches a terminal as a code: markup is text, escapes are made visible.

One in-process test per finding, and one that walks every subcommand the CLI registers and runs
it under a real pseudo-terminal on the hostile corpus (so a command added later is covered too).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_corpus import BRACKETS, BROKEN, DECKS, DOCUMENTS, FORBIDDEN, HANDINS, IMPORTS

from quizapp import cli

HOSTILE_DECK_FILE = "\x1b]0;PWNED\x07 C++ [draft].yaml"
HOSTILE_DECK_ID = HOSTILE_DECK_FILE.removesuffix(".yaml")


def assert_inert(text: str) -> None:
    found = [code for code in FORBIDDEN if code in text]
    assert not found, f"terminal codes from input reached the output: {found!r}"
    assert "Traceback" not in text


def test_stats_shows_markup_and_escapes_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    assert cli.main(["--decks", str(DECKS), "--data-dir", str(tmp_path), "stats"]) == 0
    out = capsys.readouterr().out
    assert_inert(out)
    assert BRACKETS in out and "[draft]" in out and "[bold]Chapter[/bold]" in out


def test_report_shows_hand_in_text_literally(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    assert cli.main(["report", str(HANDINS)]) == 0
    out = capsys.readouterr().out
    assert_inert(out)
    assert "C++ [/] basics" in out and "[bold]cat" in out


# -- every command under a real terminal ----------------------------------------------------


@dataclass
class Workspace:
    """Copies of the hostile corpus a command may read or change, and where it may write."""

    root: Path
    decks: Path
    broken: Path
    data: Path

    def out(self, name: str) -> str:
        return str(self.root / "out" / name)


def commands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """Every runnable command path (`progress export`, `stats`, ...) the parser registers."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = any(isinstance(a, argparse._SubParsersAction) for a in sub._actions)
                if nested:
                    yield from commands(sub, (*prefix, name))
                else:
                    yield (*prefix, name)


def subparser(path: tuple[str, ...]) -> argparse.ArgumentParser:
    parser = cli.build_parser()
    for name in path:
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = action.choices[name]
    return parser


def generic_args(path: tuple[str, ...], ws: Workspace) -> list[str]:
    """Arguments for a command this test has no recipe for: hostile decks wherever a path
    goes, a fresh output file for a required output, the first choice of a required choice."""
    argv: list[str] = []
    for action in subparser(path)._actions:
        if action.option_strings:
            if not action.required:
                continue
            flag = action.option_strings[-1]
            if action.choices:
                argv += [flag, str(next(iter(action.choices)))]
            elif "output" in action.dest:
                argv += [flag, ws.out(f"{'-'.join(path)}.yaml")]
            else:
                argv += [flag, "1"]
        elif action.dest != "help" and not isinstance(action, argparse._SubParsersAction):
            argv.append(str(ws.decks))
    return argv


RECIPES: dict[tuple[str, ...], Callable[[Workspace], list[str]]] = {
    ("validate",): lambda ws: [str(ws.decks), str(ws.broken)],
    ("generate",): lambda ws: [str(DOCUMENTS / "markup.md"), "-o", ws.out("generated.yaml")],
    ("progress", "exam"): lambda ws: [HOSTILE_DECK_ID, "2099-01-01"],
    ("progress", "export"): lambda ws: ["--format", "csv"],
    ("new-card",): lambda ws: [
        "--deck",
        str(ws.decks / HOSTILE_DECK_FILE),
        "--kind",
        "basic",
        "--category",
        "concept",
        "--question",
        f"New {BRACKETS} \x1b]0;PWNED\x07?",
        "--answer",
        "[bold]x",
        "--doc",
        "hostile.txt",
        "--quote",
        "Plain sentence one.",
    ],
    ("export",): lambda ws: ["--format", "md", "-o", ws.out("export.md")],
    ("import",): lambda ws: [str(IMPORTS / "markup.csv"), "-o", ws.out("imported.yaml")],
    ("report",): lambda ws: [str(HANDINS)],
    ("quiz-sheet",): lambda ws: ["-n", "5", "--seed", "1", "-o", ws.out("quiz.md")],
    ("preview",): lambda ws: [str(ws.decks)],
    ("cache",): lambda ws: ["info"],
    (): lambda ws: [],
}
# What each command must show of the hostile text (as text, not as codes).
SHOWN: dict[tuple[str, ...], str] = {
    ("validate",): "[red]broken[draft]",
    ("stats",): BRACKETS,
    ("report",): "C++ [/] basics",
    ("progress", "exam"): "C++ [draft]",
    ("progress", "export"): "C++ [draft]",
    ("new-card",): "C++ [draft]",
    (): BRACKETS,
}
# Screens that open the study app: what they draw once ready (then Ctrl+Q quits them). `()`
# is the app itself, opened with no command.
TUI = {("preview",): b"Show answer", (): b"Unix paths"}


def run_in_pty(
    argv: list[str], env: dict[str, str], keys: bytes = b"", drawn: bytes = b""
) -> tuple[int, str]:
    """Run quizapp with stdin, stdout and stderr on a 200x50 pseudo-terminal; all it wrote.
    `keys` are typed once the output shows `drawn` (a screen that is ready)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "quizapp", *argv],
        stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
    )  # fmt: skip
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 30
    sent = not keys
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:
                    break
                if not data:
                    break
                chunks.append(data)
                if not sent and drawn in b"".join(chunks[-20:]):
                    os.write(master, keys)
                    sent = True
            elif process.poll() is not None:
                break
    finally:
        if process.poll() is None:
            process.kill()
        code = process.wait()
        os.close(master)
    return code, b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    decks = tmp_path / "decks"
    shutil.copytree(DECKS, decks)
    (decks / "markup.yaml").rename(decks / HOSTILE_DECK_FILE)
    broken = tmp_path / "broken"
    shutil.copytree(BROKEN, broken)
    (tmp_path / "out").mkdir()
    answer_some(decks, tmp_path / "data")
    return Workspace(tmp_path, decks, broken, tmp_path / "data")


def answer_some(decks: Path, data: Path) -> None:
    """A progress store whose review log names the hostile deck (its id holds escapes)."""
    import random
    from datetime import UTC, datetime, timedelta

    from quizapp.decks import load_decks
    from quizapp.model.progress import Rating
    from quizapp.store import ProgressStore
    from quizapp.study.session import StudySession

    units = load_decks([decks]).units()
    now = datetime.now(UTC) - timedelta(days=1)
    with ProgressStore.open(data) as store:
        session = StudySession.start(store, units, now, rng=random.Random(3))
        for rating in (Rating.AGAIN, Rating.GOOD, Rating.GOOD):
            unit = session.next_unit(now)
            assert unit is not None
            session.answer(unit, rating, now, 1000)
            now += timedelta(minutes=2)


@pytest.mark.slow
def test_every_command_keeps_input_inert_on_a_terminal(workspace: Workspace) -> None:
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "QUIZAPP_DATA_DIR": str(workspace.data),
        "EDITOR": "true",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    found = [(), *sorted(commands(cli.build_parser()))]
    assert ("stats",) in found and ("progress", "export") in found
    failures: list[str] = []
    for path in found:
        recipe = RECIPES.get(path)
        args = recipe(workspace) if recipe else generic_args(path, workspace)
        argv = ["--decks", str(workspace.decks), "--no-cache", *path, *args]
        keys = b"\x11" if path in TUI else b""
        code, out = run_in_pty(argv, env, keys, TUI.get(path, b""))
        if path in TUI:
            hostile = ("\x1b]0;PWNED", "\x1b]8;;http://evil", "\x1b]52;c;")
            leaked = [code for code in hostile if code in out]
        else:
            leaked = [code for code in FORBIDDEN if code in out]
        if leaked or "Traceback" in out or code not in (0, 1, 2):
            failures.append(f"{' '.join(path)} (exit {code}): leaked {leaked!r}\n{out[-800:]}")
        elif path in SHOWN and SHOWN[path] not in out:
            failures.append(f"{' '.join(path)}: {SHOWN[path]!r} not shown\n{out[-800:]}")
    assert not failures, "\n\n".join(failures)
