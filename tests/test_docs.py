"""The user documentation in the repository: links that resolve, a rule page that is current.

A user who clones st has the repository and nothing next to it: every link in the README,
the sample portfolio's README and docs/ must lead to a file (and heading) inside it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stcli import docgen
from tests.conftest import REPO

PAGES = [REPO / "README.md", REPO / "sample-portfolio" / "README.md", REPO / "CHANGELOG.md",
         *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"(?<!\!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def _slug(heading: str) -> str:
    """The anchor GitHub (and most Markdown viewers) give a heading."""
    text = re.sub(r"[`*_]", "", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def broken_links(page: Path, text: str) -> list[str]:
    """The links in `text` (the page at `page`) that do not resolve inside the repository."""
    broken = []
    for target in LINK.findall(FENCE.sub("", text)):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto: …: not a file
            continue
        rel, _, anchor = target.partition("#")
        path = (page.parent / rel).resolve() if rel else page
        if not path.is_relative_to(REPO):
            broken.append(f"{target}: outside the repository")
            continue
        if not path.exists():
            broken.append(f"{target}: no such file")
            continue
        if anchor:
            if path.is_dir() or path.suffix != ".md":
                broken.append(f"{target}: an anchor into a non-Markdown file")
                continue
            headings = HEADING.findall(FENCE.sub("", path.read_text(encoding="utf-8")))
            if anchor not in {_slug(h) for h in headings}:
                broken.append(f"{target}: no heading #{anchor}")
    return broken


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_link_resolves_inside_the_repository(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert broken_links(page, text) == []
    assert "../shared" not in text and "shared/spec" not in text


def test_the_link_check_sees_broken_links() -> None:
    page = REPO / "README.md"
    text = ("[a](docs/format.md#how-time-is-counted) [b](docs/nowhere.md) "
            "[c](../shared/spec/rules.md) [d](docs/format.md#no-such-heading) "
            "[e](https://example.org/x) ![img](missing.png)\n```\n[f](in-a-fence.md)\n```\n")
    assert broken_links(page, text) == [
        "docs/nowhere.md: no such file",
        "../shared/spec/rules.md: outside the repository",
        "docs/format.md#no-such-heading: no heading #no-such-heading",
    ]


def test_docs_rules_md_is_current() -> None:
    current = docgen.DOC.read_text(encoding="utf-8")
    assert current == docgen.rules_markdown(), (
        "docs/rules.md is stale: run `python -m stcli.docgen`")


def test_docgen_check_tells_stale_from_current(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / "rules.md"
    stale.write_text("# Rules\n", encoding="utf-8")
    monkeypatch.setattr(docgen, "DOC", stale)
    assert docgen.main(["--check"]) == 1
    assert docgen.main([]) == 0
    assert docgen.main(["--check"]) == 0
    assert "### H001" in stale.read_text(encoding="utf-8")
