"""What every command shares: finding the portfolio, --as-of, --lang, exit codes."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from stcli.i18n import resolve_language, t

if TYPE_CHECKING:
    from stcli.engine.evaluate import Evaluation

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

PathArg = typer.Argument(None, help="Portföljen (standard: den som håller aktuell mapp)",
                         show_default=False)
AsOfOption = typer.Option(None, "--as-of", help="Bedöm per detta datum (ÅÅÅÅ-MM-DD)",
                          metavar="DATE")


def check_language(value: str | None) -> str | None:
    """--lang: sv or en, nothing else (a typo must not silently give Swedish)."""
    from stcli.i18n import LANGUAGES

    if value is None:
        return None
    if value.strip().lower() not in LANGUAGES:
        raise typer.BadParameter(t("cli.bad_language", resolve_language(None), value=value))
    return value.strip().lower()


def complete_language(incomplete: str) -> list[str]:
    return [code for code in ("sv", "en") if code.startswith(incomplete.lower())]


LangOption = typer.Option(None, "--lang", help="sv | en", metavar="LANG",
                          callback=check_language, autocompletion=complete_language)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    print(message, file=sys.stderr)
    raise typer.Exit(code)


def make_parent_folders(output: Path) -> None:
    """`-o rapporter/arsrapport.md` where `rapporter/` does not exist yet: create it."""
    output.parent.mkdir(parents=True, exist_ok=True)


def parse_as_of(value: str | None, lang: str) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        fail(t("cli.bad_date", lang, value=value))


def locate(path: Path | None, lang: str) -> Path:
    from stcli.load import find_root

    start = path if path is not None else Path.cwd()
    # The folder holding st.yaml: the path given (or the current folder) or one above it.
    try:
        root = find_root(start) if start.exists() else None
    except OSError as error:  # a folder on the way may not be entered (permissions)
        fail(t("cli.no_portfolio", lang, path=str(start))
             + f" ({error.strerror or type(error).__name__})")
    if root is None:
        fail(t("cli.no_portfolio", lang, path=str(start)))
    return root


def evaluate_portfolio(path: Path | None, as_of: str | None, lang: str | None,
                       signatures: bool = True) -> tuple[Evaluation, str]:
    """What validate, status and report begin with: find the portfolio, judge it at --as-of
    (today by default), then settle the language (st.yaml may choose it; --lang wins).
    `signatures=False`: sign-off signatures are not verified (validate needs no verdict)."""
    from stcli.engine.evaluate import evaluate

    language = early_language(lang)
    day = parse_as_of(as_of, language)
    evaluation = evaluate(locate(path, language), day)
    if signatures and evaluation.portfolio.signoffs:
        from contextlib import suppress

        from stcli.gitsign import GitError, verify_signoffs

        with suppress(GitError):  # git gone mid-run: the signatures stay "not checked"
            evaluation.portfolio.signoffs = verify_signoffs(evaluation.root,
                                                            evaluation.portfolio.signoffs)
    return evaluation, resolve_language(lang, evaluation.language)


def early_language(flag: str | None) -> str:
    """The language before st.yaml is read (flag or ST_LANG)."""
    return resolve_language(flag, None)


def use_color(stream: object = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def guard_output() -> None:
    """The one choke point for privacy: everything any command prints, on stdout and stderr
    (messages, echoed values, tables, JSON, reports, even a traceback), passes the identity
    number mask and leaves as valid UTF-8. Output files go through `fileio.write_output`."""
    from stcli.pii import MaskingStream

    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, MaskingStream):
            setattr(sys, name, MaskingStream(stream))


def run(app: typer.Typer) -> None:
    guard_output()
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    finally:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                with contextlib.suppress(OSError, ValueError):
                    stream.flush()
