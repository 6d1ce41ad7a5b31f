"""Kept for imports written before the core module existed: text shown on a terminal goes
through `quizapp.safety.terminal`, the one path the UI and every command share."""

from quizapp.safety.terminal import literal as literal
from quizapp.safety.terminal import visible as visible
