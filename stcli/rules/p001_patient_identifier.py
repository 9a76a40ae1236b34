"""P001 patient-identifier: a personnummer or samordningsnummer anywhere in a file.

Every file read is scanned as text, comments and `x_` keys included, user packs too, and so
is every file and folder name in the portfolio: patient data must never enter a repository
that may be pushed to a public host. The number is reported masked (the position of a name
holding one is masked on its way out, like everything st prints).
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding, Position
from stcli.pii import find_identity_numbers
from stcli.rules import RuleContext, rule


@rule("P001", "patient-identifier", needs_profile=False)
def check(ctx: RuleContext) -> Iterator[Finding]:
    for rel, text in sorted(ctx.portfolio.texts.items()):
        for match in find_identity_numbers(text):
            line = text.count("\n", 0, match.start) + 1
            column = match.start - (text.rfind("\n", 0, match.start) + 1) + 1
            yield ctx.finding("found", Position(rel, line, column), hint="remove",
                              masked=match.masked, kind=match.kind)
    for name in ctx.portfolio.names:
        # only the last part: a folder's number is reported once, for the folder
        last = name.rsplit("/", 1)[-1]
        for match in find_identity_numbers(last):
            yield ctx.finding("in_name", Position(name), hint="remove",
                              masked=match.masked, kind=match.kind)

