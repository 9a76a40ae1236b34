"""The command line: thin typer commands over the engine and renderers.

Each command lives in its own module of this package and keeps heavy imports inside its
function, so that `st validate` (run on every commit) loads only what it needs.
"""

from __future__ import annotations

import gc

# An `st` run is one short process that allocates many small objects and frees them by
# reference counting; the cyclic collector's default (a pass every 700 allocations) ran
# ~45 passes per `st status`, ~15 ms. Rarer passes keep memory bounded all the same.
gc.set_threshold(100_000, 50, 100)

import typer  # noqa: E402 - after the threshold: typer's import is most of the allocations

from stcli.cli import common  # noqa: E402


def _new_app() -> typer.Typer:
    return typer.Typer(
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


def _root(
    version: bool = typer.Option(False, "--version", help="Visa versionen / show the version",
                                 callback=_show_version, is_eager=True),
) -> None:
    """st: ST-portföljen på kommandoraden / the ST portfolio on the command line."""
    # (again here, for a caller that runs the app without `main`, e.g. a test's CliRunner)
    common.guard_output()


def build_app(only: str | None = None) -> typer.Typer:
    """The typer app with every command, or with `only` the one being run.

    Building every command (options derived from the format for `st add`) costs more than
    `st validate`'s budget can spare on each commit, so `main` builds just the one asked for.
    """
    import importlib
    import pkgutil

    import stcli.cli as package

    app = _new_app()
    app.callback()(_root)
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("cmd_") and only in (None, info.name[4:]):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            module.register(app)
    return app


def _invoked_command(args: list[str]) -> str | None:
    import importlib.util
    import os

    if any(key.endswith("_COMPLETE") for key in os.environ):
        return None  # shell completion needs every command
    name = next((arg for arg in args if not arg.startswith("-")), None)
    if name and name.isidentifier() and importlib.util.find_spec(f"stcli.cli.cmd_{name}"):
        return name
    return None


def __getattr__(name: str) -> typer.Typer:
    """`from stcli.cli import app`: the full app, built on first use."""
    if name == "app":
        global _full_app
        if _full_app is None:
            _full_app = build_app()
        return _full_app
    raise AttributeError(name)


_full_app: typer.Typer | None = None


def main() -> None:
    import sys

    common.run(build_app(_invoked_command(sys.argv[1:])))
