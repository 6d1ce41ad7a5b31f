"""What every quizapp screen shares: typed access to the app's study services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from textual.app import App

    from quizapp.ui.app import QuizApp


class _HasApp(Protocol):
    @property
    def app(self) -> App[Any]: ...


class UsesQuizApp:
    """Mixed into a Screen: `self.quiz_app` is `self.app` typed as the QuizApp it always is."""

    @property
    def quiz_app(self: _HasApp) -> QuizApp:
        from quizapp.ui.app import QuizApp

        app = self.app
        if not isinstance(app, QuizApp):
            raise TypeError(f"{type(self).__name__} runs only inside a QuizApp")
        return app
