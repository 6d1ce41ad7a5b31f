"""Handling untrusted text at the edges: what reaches a terminal, a file, a spreadsheet.

Nothing in a deck, a package, a hand-in or a file name is trusted. These modules are the one
place each rule lives, below every layer that shows or writes text, so the TUI and every command
share them: `terminal` (no markup, no escape codes), `files` (atomic writes, symlinks kept, no
silent overwrite, bounded reads of regular files only), `cells` (spreadsheet and Markdown cells).
"""
