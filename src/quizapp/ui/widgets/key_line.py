"""A one-widget footer: the screen's shown bindings drawn as one line of text.

Textual's Footer mounts one FooterKey widget per binding and mounts them all again whenever the
bindings change (focus moves, a load finishes); at start-up that was tens of milliseconds of
stylesheet work before Home could paint. This line shows the same keys (key in bold, then its
description; disabled keys dimmed and marked, so nothing is told by colour alone), the command
palette key on the right, and a click on a key presses it, like Footer.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class KeyLine(Widget):
    """The keys of the screen, one line, redrawn (not recomposed) when the bindings change."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-line--key", "key-line--description"}
    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        height: 1;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    KeyLine > .key-line--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyLine > .key-line--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str, bool]] = []  # start, end, key, enabled

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def _shown(self) -> tuple[list[tuple[Binding, bool]], tuple[Binding, bool] | None]:
        """The bindings to show (one per action, in order) and the palette's, if any."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        shown: list[tuple[Binding, bool]] = []
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, enabled))
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            palette = (binding, enabled)
        return shown, palette

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-line--key")
        text_style = self.get_component_rich_style("key-line--description")
        dim = Style(dim=True)
        shown, palette = self._shown()
        line = Text(no_wrap=True, overflow="crop")
        spans: list[tuple[int, int, str, bool]] = []

        def add(binding: Binding, enabled: bool) -> None:
            start = len(line)
            extra = dim if not enabled else Style()
            line.append(f" {self.app.get_key_display(binding)} ", key_style + extra)
            line.append(f"{binding.description} ", text_style + extra)
            spans.append((start, len(line), binding.key, enabled))

        for binding, enabled in shown:
            add(binding, enabled)
        if palette is not None:  # always on the right, as in Footer; the left part is cut
            binding, enabled = palette
            label = f" {self.app.get_key_display(binding)} {binding.description} "
            room = max(0, self.size.width - len(label))
            line.truncate(room, pad=True)
            spans = [(start, min(end, room), key, on) for start, end, key, on in spans]
            add(binding, enabled)
        self._spans = spans
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key, enabled in self._spans:
            if start <= event.x < end:
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return
