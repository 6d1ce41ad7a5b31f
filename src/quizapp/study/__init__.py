"""Studying: the service the screens talk to, sessions and their queues, exam dates, cram.

`StudyService` (service.py) is the interface; `StoreStudy` (stored.py) implements it over the
progress store and `StudySession` (session.py), `MemoryStudy` (memory.py) in memory. The
question builders the screens use are in `quizapp.quiz`.
"""
