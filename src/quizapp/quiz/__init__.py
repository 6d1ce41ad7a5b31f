"""Question builders: pure functions that turn a study unit into something to ask and check.

Nothing here imports Textual; randomness is an injected `random.Random` so results repeat.
"""
