"""Every progress command explains itself with examples."""

from __future__ import annotations

import pytest

from quizapp import cli


@pytest.mark.parametrize(
    "argv", [["stats"], ["rebuild"], ["optimize"], ["progress"], ["progress", "export"]]
)
def test_help_has_description(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main([*argv, "--help"])
    out = capsys.readouterr().out
    assert exited.value.code == 0
    assert f"usage: quizapp {' '.join(argv)}" in out
    if argv != ["progress", "export"]:
        assert "examples:" in out
