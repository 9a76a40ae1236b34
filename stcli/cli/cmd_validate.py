"""`st validate`: every data and requirement rule, as text, JSON or GitHub annotations."""

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
    early_language,
    evaluate_portfolio,
    fail,
    use_color,
)

FORMATS = ("text", "json", "github")


def validate(
    path: Path | None = PathArg,
    strict: bool = typer.Option(False, "--strict", help="Varningar ger också exit 1"),
    output_format: str = typer.Option("text", "--format", help="text | json | github"),
    as_of: str | None = AsOfOption,
    lang: str | None = LangOption,
    show_info: bool = typer.Option(False, "--info", help="Visa även tips (info) i textformat"),
    context: bool | None = typer.Option(
        None, "--context/--no-context", help="Visa raden ur filen under varje fynd"
    ),
) -> None:
    """Kontrollera portföljen / check the portfolio."""
    from stcli.findings import Severity
    from stcli.i18n import t
    from stcli.render import findings as render

    if output_format not in FORMATS:
        fail(t("cli.bad_format", early_language(lang), value=output_format,
               choices=list(FORMATS)))
    # M014 needs what changed since a sign-off, not whether its signature is valid.
    evaluation, language = evaluate_portfolio(path, as_of, lang, signatures=False)
    findings = evaluation.findings
    if output_format == "json":
        sys.stdout.write(render.as_json(evaluation, language) + "\n")
    elif output_format == "github":
        sys.stdout.write(render.as_github(findings, language))
    else:
        show_context = context if context is not None else sys.stdout.isatty()
        sys.stdout.write(render.as_text(evaluation, language, color=use_color(),
                                        show_info=show_info, context=show_context))
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    failed = counts[Severity.ERROR] > 0 or (strict and counts[Severity.WARNING] > 0)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
