"""The domain core must work with no terminal: importing it never imports Textual."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

CORE = ("model", "decks", "scheduling", "store", "quiz", "generate", "authoring", "interop")
CORE += ("reports",)


def test_core_packages_import_no_textual() -> None:
    present = [f"quizapp.{name}" for name in CORE if importlib.util.find_spec(f"quizapp.{name}")]
    assert "quizapp.model" in present and "quizapp.decks" in present
    code = (
        "import importlib, sys\n"
        f"for name in {present!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_cli_help_imports_no_textual() -> None:
    code = (
        "import sys\nfrom quizapp import cli\n"
        "try:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().endswith("False")
