"""`st verify`: each ST year's sign-off, whether its signature is valid, and what changed.

Exit codes: 0 every sign-off valid and unchanged (or none yet); 1 a signature not valid or
a signed year changed; 2 no portfolio, no git repository, no git, or a missing
`--allowed-signers` file. A year whose signed commit is not in this clone (shallow) is
shown as not compared and does not fail on its own.
"""

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
    fail,
    locate,
    parse_as_of,
)


def verify(
    path: Path | None = PathArg,
    as_json: bool = typer.Option(False, "--json", help="Skriv ut resultatet som JSON"),
    allowed_signers: Path | None = typer.Option(
        None, "--allowed-signers", metavar="FILE",
        help="Kontrollera mot denna fil i stället för portföljens .st/allowed_signers"),
    as_of: str | None = AsOfOption,
    lang: str | None = LangOption,
) -> None:
    """Kontrollera signerade årsgenomgångar / verify the signed annual reviews."""
    from stcli import gitsign
    from stcli.engine.evaluate import evaluate
    from stcli.i18n import resolve_language, t
    from stcli.render import signoffs as render
    from stcli.signoff import ALLOWED_SIGNERS

    language = early_language(lang)
    root = locate(path, language)
    try:
        repo = gitsign.find_repo(root)
        shallow = repo is not None and gitsign.is_shallow(repo)  # also: is there a git?
    except gitsign.GitError as error:
        fail(error.msg.render(language))
    if repo is None:
        fail(t("sign.error.not_a_repo", language, path=str(root)))
    if allowed_signers is not None and not allowed_signers.is_file():
        fail(t("sign.error.signers_file", language, path=str(allowed_signers)))
    day = parse_as_of(as_of, language)
    evaluation = evaluate(root, day)
    language = resolve_language(lang, evaluation.language)
    portfolio = evaluation.portfolio
    try:
        portfolio.signoffs = gitsign.verify_signoffs(evaluation.root, portfolio.signoffs,
                                                     allowed_signers)
    except gitsign.GitError as error:
        fail(error.msg.render(language))
    shown = str(allowed_signers) if allowed_signers is not None else ALLOWED_SIGNERS
    if as_json:
        sys.stdout.write(render.verify_json(evaluation, language, shown, shallow) + "\n")
    else:
        sys.stdout.write(render.verify_text(evaluation, language, shown, shallow))
    good = all(render.ok(s) for s in portfolio.signoffs)
    raise typer.Exit(EXIT_OK if good else EXIT_FINDINGS)


def register(app: typer.Typer) -> None:
    app.command("verify")(verify)
