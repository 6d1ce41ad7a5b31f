"""The editor command: data never becomes an editor option."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.authoring.editor import editor_command


def test_a_relative_hostile_name_becomes_an_absolute_path_after_double_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    argv = editor_command(["/usr/bin/nvim", "-p"], Path("-c !touch PWNED.yaml"), 12)
    assert argv == ["/usr/bin/nvim", "-p", "+12", "--", str(tmp_path / "-c !touch PWNED.yaml")]


def test_editors_without_line_support_get_only_the_path(tmp_path: Path) -> None:
    argv = editor_command(["code", "--wait"], tmp_path / "+!x.yaml", 3)
    assert argv == ["code", "--wait", "--", str(tmp_path / "+!x.yaml")]
