"""The authoring loop: formatting decks, adding cards, re-validating on save."""
