"""`st add KIND`: append one entry to the right file, keeping its comments and layout.

The options are derived from the loader's field table (`stcli/model.py` FIELDS), so every
field of every kind has one option (`--funding-approved` for `funding: {approved: …}`), and
the entry is checked by the loader's own conversion before anything is written.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any

import typer

from stcli.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    AsOfOption,
    LangOption,
    PathArg,
    early_language,
    fail,
    locate,
    parse_as_of,
)

KIND_WORDS = ("placement", "placements", "supervision", "assessment", "assessments", "course",
              "courses", "leave", "activity", "activities", "milestone", "milestones")


def complete_kind(incomplete: str) -> list[str]:
    """Shell completion for KIND."""
    return [word for word in KIND_WORDS if word.startswith(incomplete.lower())]


def _kind_in(ctx: Any) -> str | None:
    from stcli.write import resolve_kind

    params = getattr(ctx, "params", None) or {}
    word = params.get("entry_kind")
    return resolve_kind(word) if isinstance(word, str) else None


def completer(param: str) -> Any:
    """Shell completion for one option: its vocabulary (for the KIND on the line, if any)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from stcli.write import field_options

        option = next(o for o in field_options() if o.param == param)
        choices = option.choices(_kind_in(ctx))
        if option.path == ("supervisor",) or option.path == ("assessor",):
            choices = (*_supervisor_ids(), *choices)
        if option.types and next(iter(option.types.values()))[0] == "list":
            head, _, last = incomplete.rpartition(",")
            prefix = head + "," if head else ""
            return [prefix + c for c in choices if c.startswith(last.strip())]
        return [c for c in choices if c.startswith(incomplete)]

    return complete


def _supervisor_ids() -> tuple[str, ...]:
    from stcli.load import find_root, load

    root = find_root(Path.cwd())
    if root is None:
        return ()
    profile = load(root).portfolio.profile
    return tuple(s.id for s in profile.value.supervisors) if profile else ()


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _prompt(option: Any, kind: str, language: str, default: str | None = None) -> str:
    from stcli.cli.cmd_init import _one_of
    from stcli.i18n import t

    choices = option.choices(kind)
    label = t("write.prompt_field", language, field=".".join(option.path))
    if choices:
        label += f" ({' | '.join(choices)})"
        answer = typer.prompt(label, value_proc=_one_of(choices), default=default)
    else:
        answer = typer.prompt(label, default=default)
    return str(answer)


def add(**kwargs: Any) -> None:
    """Lägg till en post / add one entry (placement, supervision, course …)."""
    import datetime as dt

    from stcli.i18n import resolve_language, t
    from stcli.load import load
    from stcli.write import (
        default_file,
        main_supervisor,
        options_of,
        render_entry,
        resolve_kind,
    )

    language = early_language(kwargs["lang"])
    kind = resolve_kind(kwargs["entry_kind"])
    if kind is None:
        fail(t("write.unknown_kind", language, value=kwargs["entry_kind"],
               choices=list(KIND_WORDS)))
    day = parse_as_of(kwargs["as_of"], language)
    root = locate(kwargs["path"], language)
    loaded = load(root)
    profile = loaded.portfolio.profile.value if loaded.portfolio.profile else None
    language = resolve_language(kwargs["lang"], profile.language if profile else None)

    mine = {o.param: o for o in options_of(kind)}
    from stcli.write import field_options

    for option in field_options():
        if option.param not in mine and kwargs.get(option.param) is not None:
            fail(t("write.option_not_for_kind", language, option=option.option, kind=kind))
    values: dict[tuple[str, ...], str] = {}
    for param, option in mine.items():
        given = kwargs.get(param)
        if given is not None:
            values[option.path] = given
    if _interactive():
        for option in mine.values():
            if kind in option.required and option.path not in values:
                values[option.path] = _prompt(option, kind, language)
    if kind == "supervision" and ("supervisor",) not in values:
        when: dt.date | None = None
        try:
            when = dt.date.fromisoformat(values.get(("date",), "").strip())
        except ValueError:
            when = None
        main = main_supervisor(profile, when)
        if main is not None:
            values[("supervisor",)] = main

    lines = render_entry(kind, values)
    vocabulary: dict[str, frozenset[str]] = {}
    if profile is not None and profile.vocabulary.specialty:
        vocabulary["specialty"] = frozenset(profile.vocabulary.specialty)
    file_option: Path | None = kwargs["file"]
    target = file_option if file_option is not None else default_file(
        root, kind, values, dt.date.today())
    from stcli.write import LockUnavailable, portfolio_lock

    # Plan, check and write under one lock: the file is read again by whoever comes next.
    try:
        with portfolio_lock(root):
            plan = _check_and_write(root, kind, target, lines, file_option, vocabulary, day,
                                    language, bool(kwargs["dry_run"]))
    except LockUnavailable as error:
        fail(t("write.lock_unavailable", language, path=error.path, reason=error.reason))
    print(t("write.added" if plan.old is not None else "write.created", language,
            path=plan.rel, line=plan.first_line))
    raise typer.Exit(EXIT_OK)


def _signature() -> tuple[inspect.Signature, dict[str, Any]]:
    from stcli.write import field_options

    P = inspect.Parameter
    params = [
        P("entry_kind", P.POSITIONAL_OR_KEYWORD, annotation=str, default=typer.Argument(
            ..., metavar="KIND", help="placement | supervision | assessment | course | leave"
            " | activity | milestone", autocompletion=complete_kind, show_default=False)),
        P("path", P.POSITIONAL_OR_KEYWORD, annotation=Path | None, default=PathArg),
    ]
    for option in field_options():
        kinds = ", ".join(sorted(option.types))
        sort = next(iter(option.types.values()))[0]
        extra = " (kommaseparerad lista / comma-separated)" if sort == "list" else ""
        params.append(P(option.param, P.POSITIONAL_OR_KEYWORD, annotation=str | None,
                        default=typer.Option(None, option.option, metavar="TEXT",
                                             help=f"{kinds}{extra}",
                                             autocompletion=completer(option.param),
                                             show_default=False)))
    params += [
        P("file", P.POSITIONAL_OR_KEYWORD, annotation=Path | None, default=typer.Option(
            None, "--file", help="Fil att lägga till i (standard: KIND/ÅR.yaml)",
            show_default=False)),
        P("dry_run", P.POSITIONAL_OR_KEYWORD, annotation=bool, default=typer.Option(
            False, "--dry-run", help="Visa posten som YAML, skriv inget")),
        P("as_of", P.POSITIONAL_OR_KEYWORD, annotation=str | None, default=AsOfOption),
        P("lang", P.POSITIONAL_OR_KEYWORD, annotation=str | None, default=LangOption),
    ]
    annotations = {p.name: p.annotation for p in params}
    annotations["return"] = None
    return inspect.Signature(params, return_annotation=None), annotations


def register(app: typer.Typer) -> None:
    signature, annotations = _signature()
    add.__signature__ = signature  # type: ignore[attr-defined]
    add.__annotations__ = annotations
    app.command("add")(add)


def _check_and_write(root: Path, kind: str, target: Path, lines: list[str],
                     file_option: Path | None, vocabulary: dict[str, frozenset[str]],
                     day: Any, language: str, dry_run: bool) -> Any:
    """Plan the append, show what the portfolio would gain, write it unless refused."""
    from stcli.engine.evaluate import configure
    from stcli.findings import Severity
    from stcli.i18n import t
    from stcli.pii import mask_identity_numbers
    from stcli.render.findings import line
    from stcli.rules import all_rules
    from stcli.write import (
        WriteRefused,
        as_item,
        check_entry,
        commit_append,
        gained_findings,
        plan_append,
    )

    try:
        plan = plan_append(root, kind, target, lines, explicit=file_option is not None)
    except WriteRefused as refusal:
        fail(t(refusal.key, language, **refusal.args_))
    record, problems = check_entry(kind, lines, plan.rel, vocabulary, plan.first_line,
                                   plan.column + 2)
    if record is None or problems:
        from stcli.engine.settings import base_settings

        for finding in configure(problems, base_settings(None), all_rules()):
            print(line(finding, language), file=sys.stderr)
        if dry_run:
            sys.stdout.write(mask_identity_numbers("\n".join(as_item(lines, plan.column))) + "\n")
        print(t("write.not_written", language), file=sys.stderr)
        raise typer.Exit(EXIT_FINDINGS)
    _, gained = gained_findings(root, plan, day)
    if dry_run:
        sys.stdout.write(mask_identity_numbers("\n".join(as_item(lines, plan.column))) + "\n")
    if gained:
        print(t("write.gained", language, count=len(gained)), file=sys.stderr)
        for finding in gained:
            print("  " + line(finding, language), file=sys.stderr)
    if any(f.severity == Severity.ERROR for f in gained):
        print(t("write.not_written", language), file=sys.stderr)
        raise typer.Exit(EXIT_FINDINGS)
    if dry_run:
        print(t("write.dry_run", language, path=plan.rel), file=sys.stderr)
        raise typer.Exit(EXIT_OK)
    try:
        commit_append(plan)  # only if the file still holds what was planned against
    except WriteRefused as refusal:
        fail(t(refusal.key, language, **refusal.args_))
    except OSError as error:
        fail(t("write.cannot_write", language, path=plan.rel,
               reason=error.strerror or type(error).__name__))
    return plan
