"""Spaced repetition: the one place that imports `fsrs`.

The FSRS adapter (ratings in, memory states out), the leech rule, and the optimizer that fits
personal parameters to a student's history. Everything here is pure or reads the store; the
study queues that use it live in `quizapp.study`.
"""
