"""H001 supervision-gap: too long without supervision while in service.

VGR-FAQ Handledning ("minst en timmes handledning per vecka oavsett tjänstgöringsgrad"),
GÄVLEBORG 5.1.2 (at least an hour a week; "kan glesas ut" mid-June to mid-August "men ska
även då ske kontinuerligt"). Reads the gaps of the progress model
(`progress.supervision.gaps`): the in-service days strictly between two sessions, from
`start` to the first session, and from the last session to as_of; days on any leave entry
are not in service, summer days are (rules.md v2). Fires for each gap longer than its limit:
`max_gap_days` (14, tool default); in Gävleborg, whose pack sets the summer window, a gap
with at least one in-service day in the window may be up to `summer_max_gap_days` (28, tool
default). At the session after the gap (at the last session for the gap still open at
as_of; for the portfolio when there is no session at all).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from stcli.findings import PORTFOLIO, Finding, Position
from stcli.rules import RuleContext, rule


@rule("H001", "supervision-gap")
def check(ctx: RuleContext) -> Iterator[Finding]:
    gaps = [gap for gap in ctx.progress.supervision.gaps if gap.too_long]
    if not gaps:
        return
    where: dict[dt.date, Position] = {}
    for item in ctx.portfolio.supervision:
        where.setdefault(item.value.date, item.position)
    for gap in gaps:
        args: dict[str, Any] = {"days": gap.days, "max_days": gap.limit, "after": gap.after,
                "before": gap.before, "start": ctx.progress.st_start, "as_of": ctx.as_of}
        if gap.after is not None and gap.before is not None:
            yield ctx.finding("between", where.get(gap.before, PORTFOLIO), **args)
        elif gap.before is not None:
            yield ctx.finding("from_start", where.get(gap.before, PORTFOLIO), **args)
        elif gap.after is not None:
            yield ctx.finding("since_last", where.get(gap.after, PORTFOLIO),
                              hint="record_sessions", **args)
        else:
            yield ctx.finding("none", PORTFOLIO, hint="record_sessions", **args)
