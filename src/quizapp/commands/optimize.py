"""`quizapp optimize`: fit FSRS parameters to the student's own review history."""

from __future__ import annotations

import argparse
from typing import Any

from quizapp.safety.terminal import echo

EPILOG = """examples:
  quizapp optimize            fit and use personal parameters
  quizapp optimize --dry-run  show the fit without saving it
  quizapp optimize --reset    go back to the default FSRS-6 parameters"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "optimize",
        help="fit scheduling parameters to your own review history",
        description="Fit FSRS-6 parameters to your review history (Anki's Rust optimizer, "
        "fsrs-rs-python). They are saved and used from the next answer on only if they "
        "predict your history better than the current ones.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--dry-run", action="store_true", help="fit and report, save nothing")
    group.add_argument("--reset", action="store_true", help="use the default parameters again")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from quizapp.commands.progress_common import open_store
    from quizapp.errors import QuizappError
    from quizapp.model.progress import DEFAULT_PARAMETERS
    from quizapp.scheduling.fsrs_adapter import parameters_ok
    from quizapp.scheduling.optimize import (
        NotEnoughHistory,
        evaluate,
        fit_parameters,
        histories,
    )
    from quizapp.store.history import reviews

    with open_store(args) as store:
        settings = store.settings()
        if args.reset:
            store.save_settings(replace(settings, parameters=DEFAULT_PARAMETERS))
            echo("using the default FSRS-6 parameters again")
            return 0
        found = histories(reviews(store), settings.day_starts_at_hour)
        try:
            fit = fit_parameters(found.values())
        except NotEnoughHistory as error:
            raise QuizappError(
                f"not enough review history to fit personal parameters yet ({error}). "
                "Keep studying for a few more days and try again."
            ) from error
        if not parameters_ok(fit.parameters):
            raise QuizappError("the optimizer returned parameters FSRS rejects; nothing saved")
        current = evaluate(settings.parameters, found.values())
        fitted = evaluate(fit.parameters, found.values())
        echo(f"fitted on {fit.items} reviews in {fit.seconds:.2f} s")
        echo(f"  current parameters: log loss {current.log_loss:.4f}, RMSE {current.rmse_bins:.4f}")
        echo(f"  fitted parameters:  log loss {fitted.log_loss:.4f}, RMSE {fitted.rmse_bins:.4f}")
        if args.dry_run:
            echo("dry run: nothing saved")
        elif fitted.log_loss < current.log_loss:
            store.save_settings(replace(settings, parameters=fit.parameters))
            echo("saved: the fitted parameters are used from the next answer on")
        else:
            echo("kept the current parameters: the fit does not predict your history better")
    return 0
