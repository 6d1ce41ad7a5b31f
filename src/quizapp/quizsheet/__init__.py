"""Printable quizzes: a reproducible selection of questions with an answer key."""
