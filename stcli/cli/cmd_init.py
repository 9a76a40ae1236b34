"""`st init [PATH]`: create a portfolio from questions on a terminal or from options."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import typer

from stcli.cli.common import EXIT_OK, LangOption, early_language, fail

REGULATIONS = ("HSLF-FS 2021:8", "SOSFS 2015:8")
REGIONS = ("vgr", "gavleborg", "vastmanland")


def complete_regulation(incomplete: str) -> list[str]:
    return [r for r in REGULATIONS if r.lower().startswith(incomplete.lower())]


def complete_region(incomplete: str) -> list[str]:
    return [r for r in REGIONS if r.startswith(incomplete.lower())]


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise typer.BadParameter(text) from None


def _parse_id(text: str) -> str:
    from stcli.write import SUPERVISOR_ID

    if not SUPERVISOR_ID.fullmatch(text.strip()):
        raise typer.BadParameter(text)
    return text.strip()


def _nonempty(text: str) -> str:
    if not text.strip():
        raise typer.BadParameter(text)
    return text.strip()


def _one_of(choices: tuple[str, ...]) -> Any:
    def check(text: str) -> str:
        if text.strip() not in choices:
            raise typer.BadParameter(" | ".join(c for c in choices if c))
        return text.strip()

    return check


def init(
    path: Path = typer.Argument(Path("."), help="Mapp för den nya portföljen", show_default=False),
    trainee: str | None = typer.Option(None, "--trainee", help="Ditt namn"),
    regulation: str | None = typer.Option(None, "--regulation", help=" | ".join(REGULATIONS),
                                          autocompletion=complete_regulation),
    region: str | None = typer.Option(None, "--region", help=" | ".join(REGIONS),
                                      autocompletion=complete_region),
    start: str | None = typer.Option(None, "--start", help="Första dagen av ST (ÅÅÅÅ-MM-DD)"),
    home_unit: str | None = typer.Option(None, "--home-unit", help="Din vårdcentral"),
    supervisor_id: str | None = typer.Option(None, "--supervisor-id",
                                             help="Huvudhandledarens id (t.ex. anna)"),
    supervisor_name: str | None = typer.Option(None, "--supervisor-name",
                                               help="Huvudhandledarens namn"),
    yes: bool = typer.Option(False, "--yes", "-y", help="Fråga inget; ta standardvärden"),
    hook_repo: str | None = typer.Option(
        None, "--hook-repo", help="Förrådet som pre-commit hämtar st från "
        "(standard: st:s eget, ur paketets metadata)"),
    hook_rev: str | None = typer.Option(
        None, "--hook-rev", help="Tagg eller commit i det förrådet (standard: v + st:s version)"),
    lang: str | None = LangOption,
) -> None:
    """Skapa en ny portfölj / create a new portfolio."""
    from stcli.hookconfig import pre_commit_config
    from stcli.i18n import t
    from stcli.write import InitAnswers, create_portfolio, in_git_repository

    language = early_language(lang)
    root = path
    if (root / "st.yaml").exists():
        fail(t("write.init_exists", language, path=str(root / "st.yaml")))
    if root.exists() and not root.is_dir():
        fail(t("write.not_a_file", language, path=str(root)))
    ask = _interactive() and not yes

    def value(given: str | None, label: str, convert: Any, default: str | None = None,
              choices: tuple[str, ...] | None = None, required: bool = True) -> Any:
        if given is not None:
            try:
                return convert(given) if given.strip() or required else None
            except typer.BadParameter:
                fail(t("write.init_bad_value", language, option=label, value=given))
        if ask:
            answer = typer.prompt(t(f"write.ask_{label}", language), default=default,
                                  value_proc=_one_of(choices) if choices else convert,
                                  show_default=default is not None)
            return answer if (answer or required) else None
        if default is not None:
            return convert(default)
        if required:
            fail(t("write.init_missing", language, option=f"--{label.replace('_', '-')}"))
        return None

    name = value(trainee, "trainee", _nonempty)
    rule_book = value(regulation, "regulation", str, REGULATIONS[0], REGULATIONS)
    if rule_book not in REGULATIONS:
        fail(t("write.init_bad_value", language, option="regulation", value=rule_book))
    area = value(region, "region", str, "", (*REGIONS, ""), required=False)
    if area and area not in REGIONS:
        fail(t("write.init_bad_value", language, option="region", value=area))
    first = value(start, "start", _parse_date, dt.date.today().isoformat())
    if isinstance(first, str):
        first = _parse_date(first)
    unit = value(home_unit, "home_unit", _nonempty)
    sup_id = value(supervisor_id, "supervisor_id", _parse_id, required=False) if (
        supervisor_id is not None or ask) else None
    sup_name = None
    if sup_id:
        sup_name = value(supervisor_name, "supervisor_name", _nonempty, sup_id)
    answers = InitAnswers(name, rule_book, first, unit, area or None, sup_id or None, sup_name)
    try:
        create_portfolio(root, answers, pre_commit_config(hook_repo, hook_rev))
    except OSError as error:
        fail(t("write.cannot_write", language, path=str(root),
               reason=error.strerror or type(error).__name__))
    if not in_git_repository(root):
        try:
            subprocess.run(["git", "init", "-q", str(root)], check=True,
                           capture_output=True)
        except (OSError, subprocess.CalledProcessError):
            print(t("write.no_git", language), file=sys.stderr)
    print(t("write.init_done", language, path=str(root)))
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
