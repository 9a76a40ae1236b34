"""M014 signed-year-changed: an entry of a signed ST year differs from what was signed.

A supervisor signs the annual review with `st sign --year N`: a signed git tag
`st/arsgenomgang-N` over the commit reviewed. `stcli/gitsign.py` compares the year's
entries in that commit with the current files (working tree and index: the pre-commit
hook sees what is about to be committed) and leaves the result in `portfolio.signoffs`;
this rule only words it. One warning per entry changed, added to or removed from the year
(and one when st.yaml fields that decide the year's figures changed), at the entry's
position. Whether the signature is valid is `st verify`'s business, not this rule's.
When the signed commit is not in this clone (a shallow clone), nothing can be compared:
one info finding says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stcli.findings import PORTFOLIO, Finding, Severity
from stcli.rules import RuleContext, rule
from stcli.signoff import NOT_HERE, SignOff


def _facts(signoff: SignOff) -> dict[str, Any]:
    return {"year": signoff.year, "tag": signoff.tag,
            "date": signoff.date.date() if signoff.date else "?",
            "signer": signoff.signer or signoff.tagger or "?"}


@rule("M014", "signed-year-changed")
def check(ctx: RuleContext) -> Iterator[Finding]:
    for signoff in ctx.portfolio.signoffs:
        facts = _facts(signoff)
        hint_args = {"year": signoff.year, "tag": signoff.tag}
        if not signoff.compared:
            if signoff.not_compared == NOT_HERE:
                yield ctx.finding("not_here", PORTFOLIO, severity=Severity.INFO,
                                  hint="fetch", hint_args=hint_args, **facts)
            continue
        for change in signoff.changes:
            args: dict[str, Any] = {**facts, "what": change.what, "file": change.file}
            if change.kind == "profile":
                yield ctx.finding("profile", change.position, hint="resign",
                                  hint_args=hint_args, **args)
            elif change.change == "added":
                yield ctx.finding("added", change.position, hint="resign",
                                  hint_args=hint_args, **args)
            elif change.change == "removed":
                yield ctx.finding("removed", change.position, hint="resign",
                                  hint_args=hint_args, **args)
            else:
                yield ctx.finding("changed", change.position, hint="resign",
                                  hint_args=hint_args, **args)
