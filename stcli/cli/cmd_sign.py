"""`st sign`: the supervisor signs an ST year (a signed git tag), or adds a signer's key.

Exit codes: 0 signed (or the signer added); 1 refused because of the repository's state
(uncommitted changes in the portfolio, errors in the year's files, the year already signed,
no commit yet) or git could not sign; 2 usage (no portfolio, no git repository, no year,
no key, an unknown role).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from stcli.engine.evaluate import Evaluation
    from stcli.findings import Finding
    from stcli.gitsign import Repo

MAX_LISTED = 10


def sign(
    path: Path | None = PathArg,
    year: int | None = typer.Option(None, "--year", metavar="N",
                                    help="ST-året som granskats och signeras"),
    key: Path | None = typer.Option(None, "--key", metavar="PATH",
                                    help="SSH-nyckel att signera med (standard: gits "
                                         "inställning, annars ~/.ssh/id_ed25519)"),
    name: str | None = typer.Option(None, "--name", help="Vem som signerar (standard: "
                                                         "git config user.name)"),
    role: str = typer.Option("handledare", "--role", help="handledare | studierektor"),
    add_signer: tuple[str, str] | None = typer.Option(
        None, "--add-signer", metavar="NAME KEY",
        help="Lägg till en signerares publika nyckel i .st/allowed_signers"),
    as_of: str | None = AsOfOption,
    lang: str | None = LangOption,
) -> None:
    """Signera årsgenomgången av ett ST-år i git / sign the annual review of an ST year."""
    from stcli.i18n import t

    language = early_language(lang)
    root = locate(path, language)
    if add_signer is not None:
        _add_signer(root, add_signer[0], add_signer[1], language)
        raise typer.Exit(EXIT_OK)
    if year is None:
        fail(t("sign.error.what", language))
    from stcli.signoff import ROLES

    if role not in ROLES:
        fail(t("sign.error.bad_role", language, role=role, choices=list(ROLES)))
    from stcli.gitsign import GitError

    try:
        code = _sign(root, year, key, name, role, as_of, lang, language)
    except GitError as error:  # no git on PATH, or git failing where it never should
        fail(error.msg.render(language))
    raise typer.Exit(code)


def _sign(root: Path, year: int, key: Path | None, name: str | None, role: str,
          as_of: str | None, flag: str | None, language: str) -> int:
    from stcli import gitsign
    from stcli.engine.evaluate import evaluate
    from stcli.i18n import resolve_language, t
    from stcli.signoff import ALLOWED_SIGNERS, VALID, build_message, tag_name, year_figures

    repo = gitsign.find_repo(root)
    if repo is None:
        fail(t("sign.error.not_a_repo", language, path=str(root)))
    signer = (name if name is not None else gitsign.config_value(repo, "user.name")).strip()
    if name is not None and (not signer or "\n" in name or "\r" in name):
        fail(t("sign.error.bad_name", language))
    if not signer:
        fail(t("sign.error.no_name", language))
    if key is not None and not key.expanduser().is_file():
        fail(t("sign.error.key_missing", language, path=str(key)))
    setup = gitsign.signing_setup(repo, key.expanduser().resolve() if key else None)
    if setup is None:
        fail(t("sign.error.no_key", language))

    day = parse_as_of(as_of, language)
    evaluation = evaluate(root, day)
    language = resolve_language(flag, evaluation.language)  # st.yaml may choose it
    progress = evaluation.progress
    if progress is None:
        return _refuse(t("sign.error.no_profile", language))
    if not 1 <= year <= progress.st_year:
        fail(t("sign.error.bad_year", language, year=year, last=progress.st_year, as_of=day))
    name_of_tag = tag_name(year)
    if gitsign.tag_exists(repo, name_of_tag):
        return _refuse(t("sign.error.tag_exists", language, year=year, tag=name_of_tag))
    head = gitsign.head_commit(repo)
    if head is None:
        return _refuse(t("sign.error.no_commit", language))
    dirty = gitsign.uncommitted(repo)
    if dirty:
        listed = ", ".join(dirty[:MAX_LISTED]) + (" …" if len(dirty) > MAX_LISTED else "")
        return _refuse(t("sign.error.uncommitted", language, files=listed))
    errors = _year_errors(evaluation, year)
    if errors:
        from stcli.render.findings import line

        return _refuse(t("sign.error.year_errors", language, year=year, count=len(errors)),
                       [line(f, language) for f in errors])

    st_year = progress.year(year)
    assert st_year is not None
    subject = t("sign.subject", language, year=year, start=st_year.start, end=st_year.end,
                signer=signer, role=role)
    message = build_message(subject, year_figures(evaluation, year, signer, role, head))
    extra = () if gitsign.config_value(repo, "user.name") else (f"user.name={signer}",)
    result = gitsign.create_tag(repo, name_of_tag, message, setup, extra)
    if result.returncode != 0:
        return _refuse(t("sign.error.tag_failed", language,
                         detail=gitsign.last_line(result.stderr)))
    print(t("sign.done", language, year=year, tag=name_of_tag, commit=head[:12],
            format=setup.format))
    verdict = gitsign.verify_tag(repo, name_of_tag, _format_of(repo, name_of_tag),
                                 root / ALLOWED_SIGNERS)
    if verdict.state == VALID:
        print(t("sign.check_valid", language, path=ALLOWED_SIGNERS,
                principal=verdict.principal or verdict.key))
    else:
        print(t("sign.check_not_valid", language, path=ALLOWED_SIGNERS,
                state=t(f"sign.state.{verdict.state}", language)))
    print(t("sign.push", language, tag=name_of_tag))
    return EXIT_OK


def _format_of(repo: Repo, name: str) -> str:
    from stcli import gitsign

    for tag in gitsign.list_tags(repo):
        if tag.name == name:
            return tag.signature_format
    return ""


def _refuse(message: str, details: list[str] | None = None) -> int:
    print(message, file=sys.stderr)
    for detail in details or []:
        print("  " + detail, file=sys.stderr)
    return EXIT_FINDINGS


def _year_errors(evaluation: Evaluation, year: int) -> list[Finding]:
    """Errors that touch the year: in st.yaml, in a file holding an entry of the year, in a
    file whose entries could not be read (its year is unknown), or about no file at all."""
    from stcli.engine.progress import entries_of_year
    from stcli.findings import Severity

    portfolio = evaluation.portfolio
    assert portfolio.profile is not None
    picked = entries_of_year(portfolio, portfolio.profile.value, year)
    year_files = {"st.yaml"}
    entry_files: set[str] = set()
    for kind in picked._fields:
        records = portfolio.entries(kind)
        year_files |= {records[i].position.file or "" for i in getattr(picked, kind)}
        entry_files |= {r.position.file or "" for r in records}
    return [f for f in evaluation.findings if f.effective_severity == Severity.ERROR
            and (not f.position.file or f.position.file in year_files
                 or f.position.file not in entry_files)]


def _add_signer(root: Path, principal: str, key: str, language: str) -> None:
    from stcli.i18n import t
    from stcli.signoff import (
        ALLOWED_SIGNERS,
        PRINCIPAL,
        has_signer,
        parse_public_key,
        signer_line,
    )
    from stcli.write import atomic_write

    if not PRINCIPAL.fullmatch(principal):
        fail(t("sign.error.bad_principal", language, name=principal))
    candidate = Path(key).expanduser()
    text = key
    if not key.startswith(("ssh-", "ecdsa-", "sk-")):
        if candidate.suffix != ".pub" and Path(f"{candidate}.pub").is_file():
            candidate = Path(f"{candidate}.pub")  # the private key's name: take its .pub
        try:
            text = candidate.read_text(encoding="utf-8", errors="replace")[:65536]
        except OSError:
            fail(t("sign.error.bad_key", language, key=key))
    public = parse_public_key(text)
    if public is None:
        fail(t("sign.error.bad_key", language, key=key))
    target = root / ALLOWED_SIGNERS
    try:
        existing = target.read_text(encoding="utf-8") if target.is_file() else ""
    except (OSError, UnicodeDecodeError) as error:
        fail(t("sign.error.cannot_write", language, path=ALLOWED_SIGNERS,
               reason=type(error).__name__))
    if has_signer(existing, principal, public):
        print(t("sign.signer_present", language, name=principal,
                fingerprint=public.fingerprint, path=ALLOWED_SIGNERS))
        return
    if existing and not existing.endswith("\n"):
        existing += "\n"
    try:
        atomic_write(target, (existing + signer_line(principal, public) + "\n").encode())
    except OSError as error:
        fail(t("sign.error.cannot_write", language, path=ALLOWED_SIGNERS,
               reason=type(error).__name__))
    print(t("sign.signer_added", language, name=principal, fingerprint=public.fingerprint,
            path=ALLOWED_SIGNERS))


def register(app: typer.Typer) -> None:
    app.command("sign")(sign)
