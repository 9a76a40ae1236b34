"""`st forms`: Socialstyrelsen's certificate forms, filled from the portfolio."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from stcli.forms.pdf import Blank
    from stcli.forms.plan import Plan, PlannedForm

PNR_ENV = "ST_PERSONNUMMER"
MAX_BLANK_BYTES = 50_000_000  # a blank form is ~2 MB; anything far larger is no form


def forms(
    path: Path | None = PathArg,
    blanks: Path | None = typer.Option(None, "--blanks",
                                       help="Mappen med Socialstyrelsens tomma blanketter",
                                       metavar="DIR"),
    output: Path | None = typer.Option(None, "-o", "--output", help="Mappen att skriva till",
                                       metavar="OUTDIR"),
    only: str | None = typer.Option(None, "--only", help="Bara dessa bilagor, t.ex. 9,10",
                                    metavar="N,N"),
    dry_run: bool = typer.Option(False, "--dry-run",
                                 help="Skriv inget; visa vad som skulle fyllas i"),
    as_of: str | None = AsOfOption,
    lang: str | None = LangOption,
) -> None:
    """Fyll i Socialstyrelsens intyg från portföljen / fill in the certificate forms."""
    from stcli.cli.common import early_language
    from stcli.i18n import t

    language = early_language(lang)
    wanted = _parse_only(only, language)
    if blanks is None and not dry_run:
        fail(t("forms.cli.need_blanks", language))
    if output is None and not dry_run:
        fail(t("forms.cli.need_output", language))
    if blanks is not None and not blanks.is_dir():
        fail(t("forms.cli.bad_blanks", language, path=str(blanks)))
    evaluation, language = evaluate_portfolio(path, as_of, lang)
    if evaluation.progress is None or evaluation.catalog is None:
        fail(t("forms.cli.no_profile", language))
    from stcli.forms.plan import build_plan

    plan = build_plan(evaluation)
    chosen = [f for f in plan.forms if wanted is None or f.number in wanted]
    sources = _blanks(plan, chosen, blanks, language) if blanks is not None else {}
    if dry_run:
        _show(chosen, language)
        _notes(plan, language)
        raise typer.Exit(EXIT_OK)
    assert output is not None
    personnummer = _personnummer(language, evaluation.as_of)
    code = _write(plan, chosen, sources, output, personnummer, language, evaluation.as_of,
                  evaluation.root)
    raise typer.Exit(code)


def _parse_only(only: str | None, lang: str) -> set[str] | None:
    from stcli.i18n import t

    if only is None:
        return None
    numbers = {part.strip().lower().removeprefix("bilaga").strip()
               for part in only.split(",") if part.strip()}
    if not numbers or not all(n[:1].isdigit() and n.isalnum() and len(n) <= 3
                              for n in numbers):
        fail(t("forms.cli.bad_only", lang, value=only))
    return numbers


def _blanks(plan: Plan, chosen: list[PlannedForm], folder: Path,
            lang: str) -> dict[str, Blank]:
    """Form key → the blank's bytes, for every form `chosen` needs. Blanks are recognised
    by their field names; when one is missing or of an unknown version, say which and
    where Socialstyrelsen publishes it, and stop before anything is written."""
    import json
    from importlib import resources

    from stcli.forms import pdf
    from stcli.forms.plan import PUBLISHED, TITLES, recognise
    from stcli.i18n import t

    known = {key: frozenset(names) for key, names in json.loads(
        resources.files("stcli.forms").joinpath("blanks.json").read_text("utf-8")).items()}
    data: dict[str, pdf.Blank] = {}
    names: dict[str, frozenset[str]] = {}
    for file in sorted(folder.rglob("*")):
        if file.suffix.lower() != ".pdf" or not file.is_file():
            continue
        shown = str(file.relative_to(folder))
        try:
            if file.stat().st_size > MAX_BLANK_BYTES:
                raise pdf.BlankError("too large")
            blank = pdf.Blank(file.read_bytes())
            names[shown] = blank.names
            data[shown] = blank
        except (OSError, pdf.BlankError) as error:
            print(t("forms.cli.unreadable", lang, file=shown, reason=str(error)[:80]),
                  file=sys.stderr)
    found = recognise(names, known)
    needed = list(dict.fromkeys(form.key for form in chosen))
    problems = []
    for key in needed:
        if key in found.found:
            continue
        regulation, number = key.split("/")
        where = PUBLISHED[regulation]
        if key in found.near:
            near_file, missing, extra = found.near[key]
            problems.append(t("forms.cli.near", lang, file=near_file, number=number,
                              regulation=regulation, missing=_names(missing),
                              extra=_names(extra), where=where))
        else:
            problems.append(t("forms.cli.missing", lang, number=number,
                              title=TITLES[regulation][number], regulation=regulation,
                              path=str(folder), where=where))
    if problems:
        for problem in problems:
            print(f"{t('forms.cli.error', lang)}: {problem}", file=sys.stderr)
        fail(t("forms.cli.nothing_written", lang), EXIT_USAGE)
    return {key: data[found.found[key]] for key in needed}


def _names(names: tuple[str, ...]) -> str:
    shown = [f"“{name}”" for name in names[:5]]
    if len(names) > 5:
        shown.append("…")
    return ", ".join(shown) or "–"


def _personnummer(lang: str, today: object) -> str | None:
    """The trainee's personnummer: ST_PERSONNUMMER, else asked on the terminal (not
    echoed), else none (the field is left empty). Never printed, never stored."""
    import datetime as dt
    import getpass

    from stcli.forms.identity import normalize
    from stcli.i18n import t

    day = today if isinstance(today, dt.date) else dt.date.today()
    given = os.environ.get(PNR_ENV)
    if given:
        value = normalize(given, day)
        if value is None:
            fail(t("forms.cli.pnr_env_invalid", lang))
        return value
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        print(f"{t('forms.cli.note', lang)}: {t('forms.cli.pnr_none', lang)}", file=sys.stderr)
        return None
    for _ in range(3):
        typed = getpass.getpass(t("forms.cli.pnr_prompt", lang), stream=sys.stderr)
        if not typed.strip():
            return None
        value = normalize(typed, day)
        if value is not None:
            return value
        print(t("forms.cli.pnr_invalid", lang), file=sys.stderr)
    fail(t("forms.cli.pnr_invalid", lang))


def _write(plan: Plan, chosen: list[PlannedForm], sources: dict[str, Blank], output: Path,
           personnummer: str | None, lang: str, as_of: object, root: Path) -> int:
    """Fill every chosen form in memory, then write them and the index.

    Forms written inside the portfolio (a git repository, usually) get a `.gitignore` of
    their own: they hold the trainee's personnummer, which must never be committed."""
    import datetime as dt

    from stcli.forms import pdf
    from stcli.i18n import t
    from stcli.render.forms_index import render_index

    filled: list[tuple[Path, bytes]] = []
    problems: list[str] = []
    for form in chosen:
        texts: dict[str, str | tuple[str, ...]] = {
            name: value.choices() for name, value in form.texts.items()}
        if personnummer:
            texts[form.personnummer_field] = personnummer
        data, overflows = sources[form.key].fill(texts, form.checks, form.detach)
        for overflow in overflows:
            problems.append(_too_long(form, overflow.field, lang))
        filled.append((output / form.filename, data))
    day = as_of if isinstance(as_of, dt.date) else dt.date.today()
    for fmt in ("md", "html"):
        text = render_index(plan, chosen, fmt, lang, day)
        filled.append((output / f"index.{fmt}", text.encode("utf-8")))
    if output.resolve().is_relative_to(root.resolve()) and not (output / ".gitignore").exists():
        filled.append((output / ".gitignore", b"# st forms: the filled forms hold your "
                       b"personnummer; never commit them\n*\n"))
        print(f"{t('forms.cli.note', lang)}: {t('forms.cli.ignored', lang, path=str(output))}",
              file=sys.stderr)
    for target, data in filled:
        try:
            pdf.write_file(target, data)
        except OSError as error:
            fail(t("forms.cli.cannot_write", lang, path=str(target),
                   reason=error.strerror or type(error).__name__))
    for problem in problems:
        print(problem, file=sys.stderr)
    for form in chosen:
        print(form.filename)
    _notes(plan, lang)
    print(t("forms.cli.written", lang, count=len(chosen), path=str(output)), file=sys.stderr)
    return EXIT_FINDINGS if problems else EXIT_OK


def _too_long(form: PlannedForm, field: str, lang: str) -> str:
    from stcli.i18n import t

    value = form.texts[field]
    message = t("forms.cli.too_long", lang, field=field[:60], number=form.number,
                subject=form.subject)
    hint = (t("forms.cli.too_long_hint", lang, key=value.key) if value.key
            else t("forms.cli.too_long_hint_plain", lang))
    position = value.source
    where = ":".join(str(part) for part in (position.file, position.line, position.column)
                     if part is not None) if position is not None else ""
    prefix = f"{where}: " if where else ""
    return f"{prefix}{t('forms.cli.error', lang)}: {message} ({hint})"


def _show(chosen: list[PlannedForm], lang: str) -> None:
    from stcli.i18n import echo, t

    print(t("forms.cli.dry_run", lang, count=len(chosen)))
    for form in chosen:
        number = f"{form.attachment:>2}" if form.attachment is not None else " –"
        fields = t("forms.cli.fields", lang, count=len(form.texts))
        delmal = f" [{', '.join(form.delmal)}]" if form.delmal else ""
        print(f"{number}  Bilaga {form.number:<3} {echo(form.subject)}{delmal}  ({fields})"
              f"  → {form.filename}")


def _notes(plan: Plan, lang: str) -> None:
    from stcli.i18n import t

    for key in plan.notes:
        print(f"{t('forms.cli.note', lang)}: {t(key, lang)}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    app.command("forms")(forms)
