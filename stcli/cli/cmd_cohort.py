"""`st cohort`: every trainee's portfolio in one table, most urgent first (studierektor).

Exit codes: 0 every row complete, 1 some rows incomplete (a portfolio missing, unreadable,
without st.yaml or with errors in it, or a URL that could not be fetched), 2 usage.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import typer

from stcli.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    AsOfOption,
    LangOption,
    early_language,
    fail,
    parse_as_of,
)
from stcli.i18n import t

SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".csv": "csv", ".json": "json"}
TABLE_WIDTH = 100


def cohort(
    folders: list[Path] | None = typer.Argument(
        None, help="Portföljer eller mappar med portföljer (standard: aktuell mapp)",
        show_default=False),
    list_file: Path | None = typer.Option(
        None, "--list", metavar="FILE",
        help="Fil med en portfölj, mapp eller git-URL per rad"),
    as_of: str | None = AsOfOption,
    output_format: str | None = typer.Option(
        None, "--format", metavar="FORMAT", help="text | html | csv | json"),
    output: Path | None = typer.Option(None, "-o", "--output", help="Skriv till fil"),
    lang: str | None = LangOption,
    width: int | None = typer.Option(
        None, "--width", min=20, max=1000, metavar="N",
        help=f"Tabellens bredd i tecken (standard: terminalens, högst {TABLE_WIDTH})"),
    no_cache: bool = typer.Option(False, "--no-cache", help="Bedöm allt på nytt"),
) -> None:
    """Visa alla ST-läkares läge, mest brådskande först / the whole cohort, most urgent first."""
    language = early_language(lang)
    day = parse_as_of(as_of, language)
    fmt = output_format or (SUFFIX_FORMATS.get(output.suffix.lower(), "text") if output
                            else "text")
    from stcli.render.cohort import FORMATS

    if fmt not in FORMATS:
        fail(t("cohort.cli.bad_format", language, value=fmt, choices=list(FORMATS)))
    from stcli.cohort import evaluate_cohort, read_list, targets

    listed: list[str] = []
    if list_file is not None:
        try:
            listed = read_list(list_file)
        except (OSError, UnicodeDecodeError):
            fail(t("cohort.cli.bad_list", language, path=str(list_file)))
    named = [str(folder) for folder in folders or []]
    if not named and not listed:
        named = ["."]
    result = evaluate_cohort(targets(named, listed), day, use_cache=not no_cache)
    from stcli.render import cohort as render

    if fmt == "text":
        shown = width or min(TABLE_WIDTH, shutil.get_terminal_size((TABLE_WIDTH, 24)).columns)
        text = render.to_text(result, language, shown)
    else:
        text = FORMATS[fmt](result, language)  # type: ignore[misc]
    if output is None:
        sys.stdout.write(text)
    else:
        from stcli.fileio import write_output

        try:
            write_output(output, text)
        except OSError:
            fail(t("cohort.cli.cannot_write", language, path=str(output)))
        print(f"{t('cohort.cli.written', language)} {output}", file=sys.stderr)
    print(t("cohort.cache", language, hits=result.cache_hits, evaluated=result.evaluated),
          file=sys.stderr)
    raise typer.Exit(EXIT_FINDINGS if result.incomplete else EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("cohort")(cohort)
