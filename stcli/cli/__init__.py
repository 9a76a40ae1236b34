"""The command line: thin typer commands over the engine and renderers.

Each command lives in its own module of this package and keeps heavy imports inside its
function, so that `st validate` (run on every commit) loads only what it needs.
"""

from __future__ import annotations

import typer

from stcli.cli import common

app = typer.Typer(
    name="st",
    help="st: ST-portföljen på kommandoraden / the ST portfolio on the command line.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        from stcli import __version__

        print(f"st {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Visa versionen / show the version",
                                 callback=_show_version, is_eager=True),
) -> None:
    """st: ST-portföljen på kommandoraden / the ST portfolio on the command line."""


def _register() -> None:
    import importlib
    import pkgutil

    import stcli.cli as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("cmd_"):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            module.register(app)


_register()


def main() -> None:
    common.run(app)
