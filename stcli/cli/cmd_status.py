"""`st status`: the progress dashboard (rich) or the same figures as JSON."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from stcli.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    AsOfOption,
    LangOption,
    PathArg,
    evaluate_portfolio,
)


def status(
    path: Path | None = PathArg,
    as_of: str | None = AsOfOption,
    lang: str | None = LangOption,
    as_json: bool = typer.Option(False, "--json", help="Skriv ut läget som JSON"),
    width: int | None = typer.Option(
        None, "--width", min=20, max=1000, metavar="N",
        help="Bredd i tecken (standard: terminalens)"),
) -> None:
    """Visa läget i ST: tid, handledning, bedömningar, delmål / show ST progress."""
    evaluation, language = evaluate_portfolio(path, as_of, lang)
    # No profile: nothing to show but the errors (exit 1, as validate would).
    code = EXIT_OK if evaluation.progress is not None else EXIT_FINDINGS
    from stcli.engine.whatif import next_leave_moves

    evaluation.next_leave = next_leave_moves(evaluation)
    if as_json:
        from stcli.render.status_json import dumps

        sys.stdout.write(dumps(evaluation, language) + "\n")
        raise typer.Exit(code)
    from stcli.render.status import render

    render(evaluation, language, sys.stdout, width)
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("status")(status)
