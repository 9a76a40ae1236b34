"""`st init [PATH]`: create a portfolio from questions on a terminal or from options."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import typer

from stcli.cli.common import EXIT_OK, LangOption, early_language, fail

REGULATIONS = ("HSLF-FS 2021:8", "SOSFS 2015:8")  # the newest first: the default
REGIONS = ("vgr", "gavleborg", "vastmanland")


def complete_regulation(incomplete: str) -> list[str]:
    return [r for r in REGULATIONS if r.lower().startswith(incomplete.lower())]


def complete_region(incomplete: str) -> list[str]:
    return [r for r in REGIONS if r.startswith(incomplete.lower())]


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


# Each answer: (record of the field table, YAML key) it is checked as, by the loader itself.
FIELDS = {
    "trainee": ("Profile", "trainee"), "regulation": ("Profile", "regulation"),
    "region": ("Profile", "region"), "start": ("Profile", "start"),
    "home_unit": ("Profile", "home_unit"), "supervisor_id": ("Supervisor", "id"),
    "supervisor_name": ("Supervisor", "name"),
}


def _reasons(name: str, text: str, language: str) -> list[str]:
    """Why an answer cannot stand, each with an example; nothing when it can."""
    from stcli.entry import reasons
    from stcli.i18n import t

    if not text.strip():
        return [t("add.required_answer", language, field=t(f"write.ask_{name}", language))]
    record, key = FIELDS[name]
    return reasons(record, key, text, language, dt.date.today())


def _normalized(name: str, text: str) -> str:
    from stcli.entry import field_type, normalize

    return normalize(text, field_type(*FIELDS[name]))


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
    lang: str | None = LangOption,
) -> None:
    """Skapa en ny portfölj / create a new portfolio."""
    from stcli.i18n import t
    from stcli.write import InitAnswers, create_portfolio, in_git_repository

    language = early_language(lang)
    root = path
    if (root / "st.yaml").exists():
        fail(t("write.init_exists", language, path=str(root / "st.yaml")))
    if root.exists() and not root.is_dir():
        fail(t("write.not_a_file", language, path=str(root)))
    ask = _interactive() and not yes

    def value(given: str | None, name: str, default: str | None = None,
              required: bool = True, choices: tuple[str, ...] = ()) -> str | None:
        """An option's value, or the answer to its question, checked and in canonical form.

        Optional questions are skipped with Enter; a wrong answer is explained and asked
        again; a wrong option value is explained and ends the run (exit 2)."""
        if given is not None:
            if not given.strip() and not required:
                return None
            text = _normalized(name, given)
            problems = _reasons(name, text, language)
            if problems:
                fail(t("write.init_bad_value", language, option="--" + name.replace("_", "-"),
                       value=given) + ": " + "; ".join(problems))
            return text
        if not ask:
            if default is not None:
                return default
            if required:
                fail(t("write.init_missing", language, option="--" + name.replace("_", "-")))
            return None
        label = t(f"write.ask_{name}", language)
        if choices:
            label += f" ({' | '.join(choices)})"
        if not required and default is None:
            label += f" ({t('add.optional', language)})"
        while True:
            answer = typer.prompt(label, default=default or "", show_default=bool(default))
            answer = answer.strip() or (default or "")
            if not answer and not required:
                return None
            text = _normalized(name, answer)
            problems = _reasons(name, text, language)
            if not problems:
                return text
            for problem in problems:
                print(problem)

    name = value(trainee, "trainee")
    rule_book = value(regulation, "regulation", REGULATIONS[0], choices=REGULATIONS)
    area = value(region, "region", required=False, choices=REGIONS)
    first = dt.date.fromisoformat(value(start, "start", dt.date.today().isoformat()) or "")
    unit = value(home_unit, "home_unit")
    sup_id = value(supervisor_id, "supervisor_id", required=False)
    sup_name = value(supervisor_name, "supervisor_name", sup_id) if sup_id else None
    assert name is not None and rule_book is not None and unit is not None
    # `--lang en` at the start: the portfolio keeps speaking English afterwards.
    answers = InitAnswers(name, rule_book, first, unit, area or None, sup_id or None, sup_name,
                          language if lang else "sv")
    try:
        create_portfolio(root, answers)
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
    if not sup_id:
        print(t("write.init_no_supervisor", language))
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
