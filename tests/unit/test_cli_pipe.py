"""A reader that goes away (`quizapp timeline --plain | head -1`) ends quizapp quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EVENT = """  - id: event-{n}
    type: event
    what: the event numbered {n} of a long chronology
    date: "{year}"
    as_of: "2020"
    sources: [{{doc: notes.txt, quote: Event {n}.}}]
"""


def test_a_closed_pipe_is_not_an_internal_error(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    # Far more than a pipe holds, so quizapp is still writing when the reader leaves.
    events = "".join(EVENT.format(n=n, year=1900 + n % 120) for n in range(3000))
    (decks / "long.yaml").write_text("title: Long\nfacts:\n" + events, encoding="utf-8")
    env = {**os.environ, "QUIZAPP_DATA_DIR": str(tmp_path / "data")}
    env.pop("QUIZAPP_DEBUG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "quizapp", "timeline", "--decks", str(decks), "--plain"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()  # one line read, then the reader leaves
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert error == ""
