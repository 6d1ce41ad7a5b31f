"""The one rule for text shown on a terminal: control characters visible, markup as text."""

from __future__ import annotations

import io

import pytest

from quizapp.safety.terminal import TerminalGuard, literal, one_line, visible


def test_control_characters_become_visible_and_text_stays() -> None:
    shown = visible("a\x1b]0;T\x07b\x9b31m\u202ec\td\ne\r")
    assert shown == "a␛]0;T␇b\\x9b31m\\u202ec\td\ne␍"
    assert one_line("x\ny\tz") == "x␊y␉z"


def test_literal_keeps_markup_as_characters() -> None:
    text = literal("[bold]x[/bold] [/usr/bin]")
    assert text.plain == "[bold]x[/bold] [/usr/bin]" and not text.spans


def test_the_guard_makes_stray_writes_visible() -> None:
    raw = io.StringIO()
    guard = TerminalGuard(raw)
    guard.write("title \x1b]0;PWNED\x07\n")
    assert raw.getvalue() == "title ␛]0;PWNED␇\n"


def test_commands_print_through_the_one_terminal_path() -> None:
    """A bare print() in a command would skip `visible`; every message goes through echo."""
    import re
    from pathlib import Path

    import quizapp

    root = Path(quizapp.__file__).parent
    bare = re.compile(r"(?<![\w.])print\(")
    offenders = [
        str(path.relative_to(root))
        for path in [root / "cli.py", *sorted((root / "commands").glob("*.py"))]
        if bare.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_an_unexpected_error_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from quizapp import cli
    from quizapp.commands import schema

    def broken(args: object) -> int:
        raise ValueError("bad \x1b]0;PWNED\x07 input")

    monkeypatch.delenv("QUIZAPP_DEBUG")
    monkeypatch.setattr(schema, "run", broken)
    assert cli.main(["schema"]) == cli.INTERNAL_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ValueError" in err and "\x1b" not in err
    monkeypatch.setenv("QUIZAPP_DEBUG", "1")
    with pytest.raises(ValueError):
        cli.main(["schema"])
