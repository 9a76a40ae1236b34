"""`st plan --assume CHANGE ...`: what if, without touching a file."""

from __future__ import annotations

import datetime as dt
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
    early_language,
    fail,
    locate,
    parse_as_of,
)


def plan(
    path: Path | None = PathArg,
    assume: list[str] = typer.Option(
        [], "--assume", "-a", metavar="CHANGE",
        help="En antagen ändring (flera går bra), se ovan / one assumed change (repeatable)"),
    at: str | None = typer.Option(
        None, "--at", metavar="DATE",
        help="Jämför tjänstgjord tid detta datum (standard: planerat slut) / compare served "
             "time on this date (default: the planned end)"),
    as_json: bool = typer.Option(False, "--json", help="Skriv ut jämförelsen som JSON"),
    as_of: str | None = AsOfOption,
    lang: str | None = LangOption,
    width: int | None = typer.Option(
        None, "--width", min=20, max=1000, metavar="N",
        help="Bredd i tecken (standard: terminalens)"),
) -> None:
    """Tänk om: beräkna med antagna ändringar, utan att ändra någon fil / what if.

    \b
    Ändringar (svenska eller engelska ord; datum ÅÅÅÅ-MM-DD; mellan datum .. – to till):
      80% från 2027-01-01                          tjänstgöringsgrad från ett datum
      80 % from 2027-01-01
      föräldraledighet 2027-03-01..2027-08-31      ledighet, 100 %
      50% tjänstledighet 2027-09-01..2027-12-31    ledighet på deltid
      sjukskrivning | vab | semester | flex | jourkomp | other  (räknas som ST-tid
        utom föräldraledighet, tjänstledighet och other)
      sidotjanstgoring psykiatri 2027-02-01..2027-04-30 [50%]   placering
      vardcentral | auskultation SPECIALITET START..SLUT
      tillgodoräknat 3 månader                     credited 3 months
    English: "parental leave", "leave of absence", "sick leave", "vacation",
    "side placement internal medicine", "credited 1.5 months".

    \b
    Visar före och efter: tjänstgjord tid per --as-of och per --at, beräknat klart,
    ST-år, varje tidsgräns som flyttas (dagar) och fynd som tillkommer eller försvinner.
    Samma beräkning som st status och T001; inga filer ändras.
    """
    from stcli.engine.whatif import EXAMPLES, ChangeError, parse_changes
    from stcli.i18n import resolve_language, t

    language = early_language(lang)
    day = parse_as_of(as_of, language)
    if not assume:
        fail(t("plan.no_changes", language))
    at_day: dt.date | None = None
    if at:
        try:
            at_day = dt.date.fromisoformat(at.strip())
        except ValueError:
            fail(t("plan.bad_at", language, value=at))
    root = locate(path, language)

    from stcli.engine.whatif import project
    from stcli.load import load

    loaded = load(root)
    located = loaded.portfolio.profile
    if located is None:
        fail(t("plan.no_profile", language), EXIT_FINDINGS)
    language = resolve_language(lang, located.value.language)
    extra = frozenset(located.value.vocabulary.specialty) if located.value.vocabulary else (
        frozenset())
    try:
        changes = parse_changes(assume, extra)
    except ChangeError as error:
        # Joined, not passed as arguments: t() shortens long arguments (user text).
        examples = [f"  st plan --assume \"{example}\"" for example in EXAMPLES]
        fail("\n".join([
            t("plan.error", language, text=error.text) + " " + error.reason.render(language),
            t("plan.examples", language), *examples]), EXIT_USAGE)
    try:
        result = project(loaded.portfolio, loaded.findings, day, changes, at_day,
                         loaded.files_read)
    except ValueError:
        fail(t("plan.no_profile", language), EXIT_FINDINGS)
    if as_json:
        from stcli.render.plan import dumps

        sys.stdout.write(dumps(result, language) + "\n")
        raise typer.Exit(EXIT_OK)
    from stcli.render.plan import render

    render(result, located.value.trainee, language, sys.stdout, width)
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("plan")(plan)
