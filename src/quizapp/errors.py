"""Errors the user can act on: printed as one clear message, never as a traceback."""


class QuizappError(Exception):
    """A failure with a message that tells the user what happened and what to do."""
