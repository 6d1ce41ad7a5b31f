"""Cards drawn from facts: templates, distractors, disagreement checks. Imports no UI.

`quizapp.decks` calls `draw_cards` when a deck file with `facts:` loads, so the drawn cards are
part of the compiled deck cache and a warm start never derives anything.
"""
