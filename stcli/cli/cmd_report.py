"""`st report`: the annual-review report (--annual) and the application summary (--final)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from stcli.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    AsOfOption,
    LangOption,
    PathArg,
    early_language,
    evaluate_portfolio,
    fail,
    make_parent_folders,
)

FORMATS = ("md", "html")


def report(
    path: Path | None = PathArg,
    annual: bool = typer.Option(False, "--annual", help="Årsrapport för ett ST-år"),
    final: bool = typer.Option(False, "--final", help="Underlag för ansökan om specialistbevis"),
    year: int | None = typer.Option(None, "--year", help="ST-år (standard: det pågående)",
                                    metavar="N"),
    output_format: str | None = typer.Option(None, "--format", help="md | html",
                                             metavar="FORMAT"),
    output: Path | None = typer.Option(None, "-o", "--output", help="Skriv till fil",
                                       metavar="FILE"),
    as_of: str | None = AsOfOption,
    lang: str | None = LangOption,
    no_portfolio_templates: bool = typer.Option(
        False, "--no-portfolio-templates",
        help="Använd st:s egna mallar, inte portföljens templates/ (för någon annans "
             "portfölj) / use st's templates only"),
) -> None:
    """Årsrapport eller underlag för ansökan / annual report or application summary."""
    from stcli.i18n import t

    language = early_language(lang)
    if annual == final:
        fail(t("report.cli.kind", language))
    if year is not None and not annual:
        fail(t("report.cli.year_without_annual", language))
    fmt = output_format
    if fmt is None:
        fmt = "html" if output and output.suffix.lower() in (".html", ".htm") else "md"
    fmt = fmt.lower()
    if fmt not in FORMATS:
        fail(t("cli.bad_format", language, value=output_format, choices=list(FORMATS)))
    from stcli.render.report import ReportError, render

    evaluation, language = evaluate_portfolio(path, as_of, lang)
    day = evaluation.as_of
    if evaluation.progress is None or evaluation.catalog is None:
        fail(t("report.cli.no_profile", language))
    if annual and evaluation.progress.st_year < 1:
        fail(t("report.error.not_started", language, day=day))
    try:
        text = render(evaluation, "annual" if annual else "final", fmt, language, year,
                      portfolio_templates=not no_portfolio_templates)
    except ReportError as error:
        fail(str(error), EXIT_USAGE)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from stcli.fileio import write_output

        try:
            make_parent_folders(output)
            write_output(output, text)  # atomic; a link at `output` is replaced, not followed
        except OSError as error:
            fail(t("report.cli.cannot_write", language, path=str(output),
                   reason=error.strerror or type(error).__name__))
        print(f"{t('report.cli.written', language)} {output}", file=sys.stderr)
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("report")(report)
