"""Ending an app when its terminal hangs up or it is asked to stop (SIGHUP, SIGTERM).

The app's own event loop takes the signal and exits the app the normal way, so every decision
already written stays written and nothing is left half done. Without this, a command's signal
handler that unwinds by raising lands inside Textual's loop, and an app whose terminal is gone
can keep its input thread reading end-of-file at full CPU for ever.
"""

from __future__ import annotations

import asyncio
import signal
from typing import Any

from textual.app import App


def exit_on_hangup(app: App[Any]) -> None:
    """From within the running app (e.g. `on_mount`): SIGHUP and SIGTERM exit it."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGHUP, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, app.exit, None, 1)
        except (NotImplementedError, RuntimeError, ValueError):
            return  # not the main thread, or a platform without it: the terminal check remains
