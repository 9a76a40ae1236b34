"""The `.pre-commit-config.yaml` that `st init` writes into a new portfolio.

The hook is taken from st's own repository (its `.pre-commit-hooks.yaml`, `language:
python`): pre-commit builds st into an environment of its own, so the hook works wherever
git runs, whether `st` is on PATH or not (a GUI git client, another shell, another machine).
The repository is the one in st's package metadata (`[project.urls] Repository`); the rev is
the commit st was installed from when pip recorded one, else the tag of the installed version.
"""

from __future__ import annotations

import json
from importlib import metadata

from stcli import __version__

DISTRIBUTION = "st-portfolio"
# Used when st runs from a source tree that was never installed (no package metadata).
FALLBACK_REPOSITORY = "https://github.com/st-portfolio/st"
HOOK_ID = "st-validate"


def default_repository() -> str:
    """The project's repository URL, from the installed package's metadata."""
    try:
        urls = metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return FALLBACK_REPOSITORY
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("repository", "source", "homepage") and url.strip():
            return url.strip()
    return FALLBACK_REPOSITORY


def default_rev() -> str:
    """The commit st was installed from (pip records it for a git install), else `vX.Y.Z`."""
    try:
        direct_url = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        direct_url = None
    if direct_url:
        try:
            commit = json.loads(direct_url).get("vcs_info", {}).get("commit_id")
        except (ValueError, AttributeError):
            commit = None
        if isinstance(commit, str) and commit:
            return commit
    return f"v{__version__}"


def pre_commit_config(repository: str | None = None, rev: str | None = None) -> str:
    """The text of `.pre-commit-config.yaml` for a new portfolio."""
    repository = repository or default_repository()
    rev = rev or default_rev()
    return f"""\
# Kontrollera portföljen vid varje commit (https://pre-commit.com): kör `pre-commit install`
# en gång. pre-commit hämtar st från förrådet nedan och bygger det i en egen miljö, så kroken
# fungerar där git körs, även där `st` inte finns på PATH.
repos:
  - repo: {_yaml_scalar(repository)}
    rev: {_yaml_scalar(rev)}
    hooks:
      - id: {HOOK_ID}
# Har du installerat st med pipx och vill använda just det: byt blocket ovan mot
#   - repo: local
#     hooks:
#       - id: {HOOK_ID}
#         name: st validate
#         entry: st validate
#         language: system
#         pass_filenames: false
#         always_run: true
"""


def _yaml_scalar(text: str) -> str:
    """`text` as a YAML scalar: plain where YAML reads it back unchanged, else quoted."""
    import yaml

    plain = text.strip() == text and text != "" and all(ch not in text for ch in "#'\"\n")
    if plain:
        try:
            if yaml.safe_load(text) == text:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)
