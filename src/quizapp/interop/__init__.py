"""Moving cards in and out of quizapp: Anki packages, CSV/TSV, Markdown."""
