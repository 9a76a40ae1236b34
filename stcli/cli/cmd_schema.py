"""`st schema`: JSON Schema files of the format, for editors and other validators."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from stcli.cli.common import EXIT_OK, LangOption, early_language, fail


def complete_schema_name(incomplete: str) -> list[str]:
    """Shell completion for `--kind`: `st` and the seven kinds."""
    from stcli.model import KINDS

    return [name for name in ("st", *KINDS) if name.startswith(incomplete)]


def schema(
    output: Path = typer.Option(Path("schemas"), "-o", "--output",
                                help="Mapp att skriva schemafilerna i / folder to write to"),
    kind: str | None = typer.Option(None, "--kind", metavar="NAME",
                                    help="Skriv bara detta schema till stdout (st, placements …)",
                                    autocompletion=complete_schema_name),
    lang: str | None = LangOption,
) -> None:
    """Skriv JSON Schema för formatet / write the format's JSON Schema files."""
    from stcli.i18n import t
    from stcli.schema import dumps, schema_for, schema_names, write_schemas

    language = early_language(lang)
    if kind is not None:
        name = kind.strip()
        if name not in schema_names():
            fail(t("write.unknown_schema", language, value=name,
                   choices=list(schema_names())))
        sys.stdout.write(dumps(schema_for(name)))
        raise typer.Exit(EXIT_OK)
    try:
        written = write_schemas(output)
    except OSError as error:
        fail(t("write.cannot_write", language, path=str(output),
               reason=error.strerror or type(error).__name__))
    for path in written:
        print(t("write.schema_written", language, path=str(path)))


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
