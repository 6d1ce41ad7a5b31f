"""A one-widget footer: the screen's shown bindings drawn as one line of text.

Textual's Footer mounts one FooterKey widget per binding and mounts them all again whenever the
bindings change (focus moves, a load finishes); at start-up that was tens of milliseconds of
stylesheet work before Home could paint. This line shows the same keys (key in bold, then its
description; disabled keys dimmed and marked, so nothing is told by colour alone), the command
palette key on the right, and a click on a key presses it, like Footer.

When the keys do not fit (60 columns), whole keys are left out from the end rather than one cut
mid-word, `? Help` (which lists every key) is kept, and `…` says that some are not shown.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

HELP_KEYS = frozenset({"question_mark", "?"})


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

        def add(binding: Binding, enabled: bool, tail: str = " ") -> None:
            start = len(line)
            extra = dim if not enabled else Style()
            line.append(f" {self.app.get_key_display(binding)} ", key_style + extra)
            line.append(f"{binding.description}{tail}", text_style + extra)
            spans.append((start, len(line), binding.key, enabled))

        room = self.size.width
        if palette is not None:  # always on the right, as in Footer, and flush with the edge
            binding, _enabled = palette
            room -= len(f" {self.app.get_key_display(binding)} {binding.description}")
        fitting = self._fitting(shown, max(0, room))
        cut = len(fitting) < len(shown)
        for binding, enabled in fitting:
            if cut and binding.key in HELP_KEYS:
                line.append(" …", text_style)  # some keys are left out: Help lists them
                cut = False
            add(binding, enabled)
        if cut:
            line.append(" …", text_style)
        if palette is not None:
            line.truncate(max(0, room), pad=True)
            spans = [(start, min(end, room), key, on) for start, end, key, on in spans]
            add(*palette, tail="")
        self._spans = spans
        return line

    def _fitting(self, shown: list[tuple[Binding, bool]], room: int) -> list[tuple[Binding, bool]]:
        """The keys that fit in `room` cells, whole, in order; Help kept when any is left out."""

        def width(binding: Binding) -> int:
            return len(f" {self.app.get_key_display(binding)} {binding.description} ")

        if sum(width(b) for b, _on in shown) <= room:
            return shown
        help_key = [item for item in shown if item[0].key in HELP_KEYS]
        room -= 2 + sum(width(b) for b, _on in help_key)  # " …" and Help
        kept: list[tuple[Binding, bool]] = []
        for item in shown:
            if item in help_key:
                continue
            room -= width(item[0])
            if room < 0:
                break
            kept.append(item)
        return kept + help_key

    def on_click(self, event: events.Click) -> None:
        for start, end, key, enabled in self._spans:
            if start <= event.x < end:
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return
