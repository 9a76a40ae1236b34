"""`st calendar -o FILE.ics`: every deadline and planned event, for the trainee's calendar."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from stcli.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    AsOfOption,
    LangOption,
    PathArg,
    evaluate_portfolio,
    fail,
)


def calendar(
    path: Path | None = PathArg,
    output: str = typer.Option(
        "-", "--output", "-o", metavar="FILE.ics",
        help="Filen att skriva (standard: - för standard ut) / the file to write"),
    remind: int = typer.Option(
        14, "--remind", min=0, max=365, metavar="DAYS",
        help="Påminnelse så många dagar före varje tidsgräns (0: ingen) / reminder days"),
    as_of: str | None = AsOfOption,
    lang: str | None = LangOption,
) -> None:
    """Exportera tidsgränser och planerade händelser som kalender (ICS) / export a calendar.

    \b
    Varje tidsgräns från st status (med påminnelse), planerade placeringar, kurser och
    milstolpar, slutet på varje ST-år, planerat slut och beräknat klart, som heldags-
    händelser (RFC 5545). Varje händelse har ett fast UID: importeras filen igen uppdateras
    händelserna i stället för att dubbleras. Lägg filen i en synkad mapp och prenumerera på
    den, eller importera den. Filen skrivs atomärt (en läsare ser aldrig en halv fil).
    """
    from stcli.i18n import t

    evaluation, language = evaluate_portfolio(path, as_of, lang)
    if evaluation.progress is None:
        fail(t("calendar.no_profile", language), EXIT_FINDINGS)
    from stcli.engine.agenda import agenda
    from stcli.render.ics import calendar_bytes

    events = agenda(evaluation)
    data = calendar_bytes(evaluation, events, language, remind)
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        raise typer.Exit(EXIT_OK)
    from stcli.fileio import write_output

    target = Path(output)
    try:
        write_output(target, data.decode("utf-8"))  # masked like all output; a link replaced
    except OSError as error:
        fail(t("calendar.cannot_write", language, path=str(target),
               error=error.strerror or type(error).__name__), EXIT_USAGE)
    print(t("calendar.written", language, count=len(events), path=str(target)))
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("calendar")(calendar)
