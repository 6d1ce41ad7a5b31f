"""Ending an app when its terminal goes away or it is asked to stop.

Two ways in, both ending the app the normal way (every decision already written stays
written): SIGHUP and SIGTERM are taken by the app's own event loop, since a command's signal
handler that unwinds by raising would land inside Textual's loop; and a check every second
that the terminal is still there, since not every hang-up sends SIGHUP (not under `make run`,
say), and Textual's input thread then reads end-of-file at full CPU for ever (Textualize/textual
PR 6690).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from typing import Any

from textual.app import App

# How often an app checks that its terminal is still there.
TERMINAL_CHECK_SECONDS = 1.0


def stdin_is_terminal() -> bool:
    stdin = sys.__stdin__
    return stdin is not None and os.isatty(stdin.fileno())


def watch_terminal(app: App[Any]) -> None:
    """From within the running app (`on_mount`): quit on SIGHUP, SIGTERM or a vanished
    terminal. Nothing to watch in a headless app (tests)."""
    if app.is_headless:
        return
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGHUP, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, app.exit, None, 1)
        except (NotImplementedError, RuntimeError, ValueError):
            break  # not the main thread, or a platform without it: the check below remains
    if stdin_is_terminal():

        def exit_if_terminal_gone() -> None:
            if not stdin_is_terminal():
                app.exit(return_code=1)

        app.set_interval(TERMINAL_CHECK_SECONDS, exit_if_terminal_gone)
