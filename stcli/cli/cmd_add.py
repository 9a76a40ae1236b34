"""`st add KIND`: append one entry to the right file, keeping its comments and layout.

One subcommand per kind (`st add supervision`, `st add supervisor` …), each with only that
kind's options, derived from the loader's field table (`stcli/model.py` FIELDS): every field
has one option (`--funding-approved` for `funding: {approved: …}`). On a terminal the missing
fields are asked for, each answer checked by the loader's own conversion as it is given; an
entry that still has an error is fixed, saved as a draft (commented out) or dropped.
"""

from __future__ import annotations

import datetime as dt
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

# The subcommand words: the singular for each kind; plurals work too (hidden in --help).
KIND_COMMANDS = {
    "placement": "placements", "supervision": "supervision", "assessment": "assessments",
    "course": "courses", "leave": "leave", "activity": "activities",
    "milestone": "milestones", "supervisor": "supervisor",
}
PLURAL_COMMANDS = {
    "placements": "placements", "assessments": "assessments", "courses": "courses",
    "activities": "activities", "milestones": "milestones", "supervisors": "supervisor",
}
KIND_WORDS = tuple(sorted({*KIND_COMMANDS, *PLURAL_COMMANDS}))


def complete_kind(incomplete: str) -> list[str]:
    """The kind words (subcommands) starting with `incomplete`."""
    return [word for word in KIND_WORDS if word.startswith(incomplete.lower())]


def completer(kind: str, param: str) -> Any:
    """Shell completion for one option of one kind: that kind's vocabulary for the field."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from stcli.write import options_of

        option = next(o for o in options_of(kind) if o.param == param)
        choices = option.choices(kind)
        if option.path in (("supervisor",), ("assessor",)):
            choices = (*_supervisor_ids(), *choices)
        if option.types[kind][0] == "list":
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


def ordered_options(kind: str) -> list[Any]:
    """The kind's options in the order the format lists its fields (the order asked in)."""
    from stcli.entry import record_name
    from stcli.model import FIELDS
    from stcli.write import options_of

    order = [spec.key for spec in FIELDS[record_name(kind)]]
    return sorted(options_of(kind), key=lambda o: (order.index(o.path[0]), len(o.path)))


def _help_language() -> str:
    """The language of `--help`: --lang on the line, ST_LANG, or st.yaml's `language:`."""
    import re

    from stcli.i18n import resolve_language
    from stcli.load import find_root

    args = sys.argv[1:]
    flag = None
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            flag = args[index + 1]
        elif arg.startswith("--lang="):
            flag = arg.split("=", 1)[1]
    configured = None
    try:
        root = find_root(Path.cwd())
        if root is not None:
            found = re.search(r"(?m)^language:[ \t]*([A-Za-z]+)",
                              (root / "st.yaml").read_text(encoding="utf-8", errors="replace"))
            configured = found[1] if found else None
    except OSError:
        configured = None
    return resolve_language(flag, configured)


def option_help(option: Any, kind: str, language: str) -> str:
    """An option's help: its label and the form or vocabulary of its value."""
    from stcli.entry import choices_of, label, scalar_type
    from stcli.i18n import t

    desc = option.types[kind]
    name = label(option.path[-1], language)
    if len(option.path) == 2:
        name = f"{label(option.path[0], language)}: {name}"
    kind_of = scalar_type(desc)[0]
    choices = choices_of(desc)
    if choices:
        form = " | ".join(choices)
    elif kind_of == "list":
        item = scalar_type(desc[1])[0]
        form = t(f"add.type.{item}", language) if item in ("date",) else ""
    elif kind_of in ("date", "year_or_date", "bool", "int", "decimal"):
        form = t(f"add.type.{kind_of}", language)
    else:
        form = ""
    parts = [name]
    if form:
        parts.append(f"({form})")
    if kind_of == "list":
        parts.append(f"[{t('add.type.list', language)}]")
    if kind in option.required:
        parts.append(f"[{t('add.type.required', language)}]")
    return " ".join(parts)


# --- the guided entry -----------------------------------------------------------------------


class Guide:
    """What one `st add` run knows: the portfolio, the kind, the answers so far."""

    def __init__(self, root: Path, kind: str, language: str, day: dt.date, profile: Any,
                 vocabulary: dict[str, frozenset[str]]) -> None:
        self.root = root
        self.kind = kind
        self.language = language
        self.day = day
        self.profile = profile
        self.vocabulary = vocabulary
        self.options = ordered_options(kind)
        self.values: dict[tuple[str, ...], str] = {}

    def t(self, key: str, **args: Any) -> str:
        from stcli.i18n import t

        return t(key, self.language, **args)

    def extra(self, option: Any) -> tuple[str, ...]:
        return tuple(sorted(self.vocabulary.get(option.path[-1], frozenset())))

    def normalized(self, option: Any, text: str) -> str:
        from stcli.entry import normalize

        return normalize(text, option.types[self.kind], self.extra(option))

    def label(self, option: Any) -> str:
        from stcli.entry import label

        name = label(option.path[-1], self.language)
        if len(option.path) == 2:
            name = f"{label(option.path[0], self.language)}: {name}"
        return name

    def _date_value(self, *keys: str) -> dt.date | None:
        for key in keys:
            try:
                return dt.date.fromisoformat(self.values.get((key,), "").strip())
            except ValueError:
                continue
        return None

    def default(self, option: Any) -> str | None:
        """A sensible answer for the field, given what is known and answered so far."""
        from stcli.entry import st_year
        from stcli.portfolio import main_supervisor

        path, kind, profile = option.path, self.kind, self.profile
        if kind == "supervisor":
            supervisors = profile.supervisors if profile else []
            if path == ("role",):
                return "co" if any(s.role == "main" for s in supervisors) else "main"
            if path == ("specialty",):
                return "allmanmedicin"
            if path == ("from",):
                return (profile.start if profile and not supervisors else self.day).isoformat()
            return None
        if path in (("date",), ("start",)):
            return self.day.isoformat()
        if path == ("end",) and kind in ("courses", "leave"):
            return self.values.get(("start",))
        if path == ("minutes",):
            return "60"
        if path in (("supervisor",), ("assessor",)) and kind in ("supervision", "assessments"):
            return main_supervisor(profile, self._date_value("date"))
        if kind == "placements" and self.values.get(("type",)) == "vardcentral":
            if path == ("specialty",):
                return "allmanmedicin"
            if path == ("unit",) and profile is not None:
                return str(profile.home_unit)
        if path == ("st_year",) and profile is not None:
            year = st_year(profile.start, self._date_value("date") or self.day)
            return str(year) if year else None
        return None

    def problems(self, option: Any, text: str) -> list[str]:
        """Why an answer cannot stand (nothing: it can), each with an example."""
        from stcli.entry import check_answer, example

        reasons: list[str] = []
        for finding in check_answer(self.kind, option.path, text, self.vocabulary):
            reason = finding.message.render(self.language)
            key, args = example(option.types[self.kind], option.path[-1], dt.date.today())
            if finding.hint is not None and finding.hint.key == "hint.did_you_mean":
                reason += f" ({finding.hint.render(self.language)})"
            # (joined here, not through t(): a message as an argument would be cut as a value)
            reasons.append(f"{reason}: {self.t(key, **args)}")
        if not reasons and self.kind == "supervisor" and option.path == ("id",) and (
                self.profile is not None
                and text in {s.id for s in self.profile.supervisors}):
            reasons.append(self.t("add.id_taken", value=text))
        return reasons

    def ask(self, option: Any, current: str | None = None) -> str | None:
        """Ask for one field until the answer is one the loader accepts, or skipped."""
        from stcli.entry import choices_of, scalar_type

        required = self.kind in option.required
        default = current if current is not None else self.default(option)
        text = self.label(option)
        choices = choices_of(option.types[self.kind], self.extra(option))
        if choices:
            shown = choices if len(choices) <= 12 else (*choices[:11], "…")
            text += f" ({' | '.join(shown)})"
        elif scalar_type(option.types[self.kind])[0] == "bool":
            text += f" ({self.t('add.type.bool')})"
        if not required and default is None:
            text += f" ({self.t('add.optional')})"
        while True:
            answer = typer.prompt(text, default=default or "", show_default=bool(default))
            answer = answer.strip()
            if not answer:
                if default:
                    answer = default
                elif not required:
                    return None
                else:
                    print(self.t("add.required_answer", field=self.label(option)))
                    continue
            answer = self.normalized(option, answer)
            reasons = self.problems(option, answer)
            if not reasons:
                return answer
            for reason in reasons:
                print(reason)

    def fill(self, everything: bool) -> None:
        """Ask for the fields not given: the required ones, or (guided) every one."""
        for option in self.options:
            if option.path in self.values:
                continue
            if self.kind not in option.required and not everything:
                continue
            if len(option.path) == 2 and self._is_union(option.path[0]):
                continue  # `--supervisor-name`: a placement's supervisor is asked as one text
            answer = self.ask(option)
            if answer is not None:
                self.values[option.path] = answer

    def _is_union(self, key: str) -> bool:
        from stcli.entry import record_name
        from stcli.model import FIELDS

        return any(s.key == key and s.type[0] == "union" for s in FIELDS[record_name(self.kind)])

    def lines(self) -> list[str]:
        from stcli.write import render_entry

        return render_entry(self.kind, self.values)

    def choose_field(self) -> None:
        options = [o for o in self.options
                   if not (len(o.path) == 2 and self._is_union(o.path[0]))]
        for number, option in enumerate(options, 1):
            print(f"  {number:>2}. {self.label(option)}: {self.values.get(option.path, '')}")
        while True:
            answer = typer.prompt(self.t("add.choose_field")).strip()
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                break
        option = options[int(answer) - 1]
        value = self.ask(option, self.values.get(option.path))
        if value is None:
            self.values.pop(option.path, None)
        else:
            self.values[option.path] = value


def _check(guide: Guide, target: Path, file_option: Path | None) -> tuple[Any, list[Any]]:
    """The plan of the write and every error it would bring (loader's and rules')."""
    from stcli.write import check_entry, gained_findings, plan_append, plan_supervisor

    lines = guide.lines()
    if guide.kind == "supervisor":
        plan = plan_supervisor(guide.root, lines)
    else:
        plan = plan_append(guide.root, guide.kind, target, lines,
                           explicit=file_option is not None)
    record, problems = check_entry(guide.kind, lines, plan.rel, guide.vocabulary,
                                   plan.first_line, plan.column + 2)
    taken = {s.id for s in guide.profile.supervisors} if guide.profile is not None else set()
    if guide.kind == "supervisor" and guide.values.get(("id",)) in taken:
        # Two supervisors with one id: every `supervisor: anna` would be ambiguous.
        from stcli.findings import Finding, Msg, Position

        problems.append(Finding("D004", Msg("add.id_taken", {"value": guide.values[("id",)]}),
                                Position(plan.rel, plan.first_line, plan.column + 3)))
    if record is None or problems:
        return plan, _configured(problems)
    _, gained = gained_findings(guide.root, plan, guide.day)
    return plan, gained


def _configured(findings: list[Any]) -> list[Any]:
    from stcli.engine.evaluate import configure
    from stcli.engine.settings import base_settings
    from stcli.rules import all_rules

    return list(configure(findings, base_settings(None), all_rules()))


def _show_entry(guide: Guide, lines: list[str], stream: Any) -> None:
    from stcli.pii import mask_identity_numbers
    from stcli.write import as_item

    for row in as_item(lines):
        print("  " + mask_identity_numbers(row), file=stream)


def add_entry(kind: str, kwargs: dict[str, Any]) -> None:
    from stcli.findings import Severity
    from stcli.i18n import resolve_language, t
    from stcli.load import load
    from stcli.render.findings import in_reading_order, line
    from stcli.write import WriteRefused, default_file

    language = early_language(kwargs["lang"])
    day = parse_as_of(kwargs["as_of"], language)
    root = locate(kwargs["path"], language)
    loaded = load(root)
    profile = loaded.portfolio.profile.value if loaded.portfolio.profile else None
    language = resolve_language(kwargs["lang"], profile.language if profile else None)
    vocabulary: dict[str, frozenset[str]] = {}
    if profile is not None and profile.vocabulary.specialty:
        vocabulary["specialty"] = frozenset(profile.vocabulary.specialty)
    guide = Guide(root, kind, language, day, profile, vocabulary)
    for option in guide.options:
        given = kwargs.get(option.param)
        if given is not None:
            guide.values[option.path] = guide.normalized(option, given)
    interactive = _interactive()
    if interactive:
        guide.fill(everything=not guide.values)
    if kind == "supervision" and ("supervisor",) not in guide.values:
        main = guide.default(next(o for o in guide.options if o.path == ("supervisor",)))
        if main is not None:
            guide.values[("supervisor",)] = main
    file_option: Path | None = kwargs.get("file")
    dry_run = bool(kwargs["dry_run"])

    def target() -> Path:
        if file_option is not None:
            return file_option
        return default_file(root, kind, guide.values, dt.date.today())

    while True:
        try:
            plan, found = _check(guide, target(), file_option)
        except WriteRefused as refusal:
            fail(t(refusal.key, language, **refusal.args_))
        errors = [f for f in found if f.effective_severity == Severity.ERROR]
        if not errors:
            break
        print(t("add.entry_has_errors", language), file=sys.stderr)
        for finding in in_reading_order(errors):
            print("  " + line(finding, language), file=sys.stderr)
        if not interactive or dry_run:
            print(t("add.typed_entry", language), file=sys.stderr)
            _show_entry(guide, guide.lines(), sys.stderr)
            print(t("write.not_written", language), file=sys.stderr)
            raise typer.Exit(EXIT_FINDINGS)
        print(t("add.entry_is", language))
        _show_entry(guide, guide.lines(), sys.stdout)
        choice = _choose(language)
        if choice == "fix":
            guide.choose_field()
            continue
        if choice == "draft":
            _save_draft(guide, target(), errors)
        print(t("add.dropped", language), file=sys.stderr)
        raise typer.Exit(EXIT_FINDINGS)
    _write(guide, plan, found, target(), file_option, dry_run)


def _choose(language: str) -> str:
    from stcli.i18n import t

    words = {"r": "fix", "f": "fix", "u": "draft", "d": "draft", "s": "drop", "q": "drop"}
    while True:
        answer = typer.prompt(t("add.choose", language)).strip().lower()
        if answer[:1] in words:
            return words[answer[:1]]


def _save_draft(guide: Guide, target: Path, errors: list[Any]) -> None:
    from stcli.i18n import t
    from stcli.render.findings import line
    from stcli.write import (
        LockUnavailable,
        WriteRefused,
        commit_append,
        plan_draft,
        portfolio_lock,
    )

    header = [t("add.draft_header", guide.language, day=dt.date.today())]
    header += ["  " + line(finding, guide.language) for finding in errors]
    destination = guide.root / "st.yaml" if guide.kind == "supervisor" else target
    try:
        with portfolio_lock(guide.root):
            plan = plan_draft(guide.root, guide.kind, destination, guide.lines(), header)
            commit_append(plan)
    except LockUnavailable as error:
        fail(t("write.lock_unavailable", guide.language, path=error.path, reason=error.reason))
    except WriteRefused as refusal:
        fail(t(refusal.key, guide.language, **refusal.args_))
    except OSError as error:
        fail(t("write.cannot_write", guide.language, path=str(destination),
               reason=error.strerror or type(error).__name__))
    print(t("add.draft_saved", guide.language, path=plan.rel, line=plan.first_line))
    raise typer.Exit(EXIT_FINDINGS)


def _write(guide: Guide, plan: Any, found: list[Any], target: Path, file_option: Path | None,
           dry_run: bool) -> None:
    """Write under the lock, planning and checking once more: another writer may have come."""
    from stcli.findings import Severity
    from stcli.i18n import t
    from stcli.pii import mask_identity_numbers
    from stcli.render.findings import in_reading_order, line
    from stcli.write import LockUnavailable, WriteRefused, as_item, commit_append, portfolio_lock

    language = guide.language
    if dry_run:
        sys.stdout.write(mask_identity_numbers("\n".join(as_item(guide.lines(), plan.column)))
                         + "\n")
    # What the entry brings that needs attention, errors first (advice stays in --info).
    shown = [f for f in in_reading_order(found) if f.effective_severity != Severity.INFO]
    if shown:
        print(t("write.gained", language, count=len(shown)), file=sys.stderr)
        for finding in shown:
            print("  " + line(finding, language), file=sys.stderr)
    if dry_run:
        print(t("write.dry_run", language, path=plan.rel), file=sys.stderr)
        raise typer.Exit(EXIT_OK)
    try:
        with portfolio_lock(guide.root):
            try:
                again, _ = _check(guide, target, file_option)
            except WriteRefused as refusal:
                fail(t(refusal.key, language, **refusal.args_))
            if again.old != plan.old:  # changed meanwhile: what was checked is not there
                plan = again
            try:
                commit_append(plan)  # only if the file still holds what was planned against
            except WriteRefused as refusal:
                fail(t(refusal.key, language, **refusal.args_))
            except OSError as error:
                fail(t("write.cannot_write", language, path=plan.rel,
                       reason=error.strerror or type(error).__name__))
    except LockUnavailable as error:
        fail(t("write.lock_unavailable", language, path=error.path, reason=error.reason))
    if guide.kind == "supervisor":
        print(t("add.supervisor_added", language, line=plan.first_line))
    else:
        print(t("write.added" if plan.old is not None else "write.created", language,
                path=plan.rel, line=plan.first_line))
    raise typer.Exit(EXIT_OK)


# --- the commands -----------------------------------------------------------------------------


def _signature(kind: str, language: str) -> tuple[inspect.Signature, dict[str, Any]]:
    from stcli.i18n import t

    P = inspect.Parameter
    params = [P("path", P.POSITIONAL_OR_KEYWORD, annotation=Path | None, default=PathArg)]
    for option in ordered_options(kind):
        params.append(P(option.param, P.POSITIONAL_OR_KEYWORD, annotation=str | None,
                        default=typer.Option(None, option.option, metavar="TEXT",
                                             help=option_help(option, kind, language),
                                             autocompletion=completer(kind, option.param),
                                             show_default=False)))
    if kind != "supervisor":
        params.append(P("file", P.POSITIONAL_OR_KEYWORD, annotation=Path | None,
                        default=typer.Option(None, "--file", help=t("add.opt.file", language),
                                             show_default=False)))
    params += [
        P("dry_run", P.POSITIONAL_OR_KEYWORD, annotation=bool, default=typer.Option(
            False, "--dry-run", help=t("add.opt.dry_run", language))),
        P("as_of", P.POSITIONAL_OR_KEYWORD, annotation=str | None, default=AsOfOption),
        P("lang", P.POSITIONAL_OR_KEYWORD, annotation=str | None, default=LangOption),
    ]
    annotations = {p.name: p.annotation for p in params}
    annotations["return"] = None
    return inspect.Signature(params, return_annotation=None), annotations


def _command(kind: str, language: str) -> Any:
    def command(**kwargs: Any) -> None:
        add_entry(kind, kwargs)

    signature, annotations = _signature(kind, language)
    command.__signature__ = signature  # type: ignore[attr-defined]
    command.__annotations__ = annotations
    command.__name__ = f"add_{kind}"
    return command


def register(app: typer.Typer) -> None:
    from stcli.i18n import t

    language = _help_language()
    group = typer.Typer(name="add", help=t("add.group_help", language), no_args_is_help=True,
                        rich_markup_mode=None)
    for word, kind in KIND_COMMANDS.items():
        group.command(word, help=t(f"add.kind.{kind}", language))(_command(kind, language))
    for word, kind in PLURAL_COMMANDS.items():
        group.command(word, help=t(f"add.kind.{kind}", language), hidden=True)(
            _command(kind, language))
    app.add_typer(group, name="add", help=t("add.group_help", language))
