"""quizapp: a terminal study app for fact-heavy courses."""

__version__ = "0.1.0"
