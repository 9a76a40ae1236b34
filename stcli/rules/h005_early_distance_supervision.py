"""H005 early-distance-supervision: supervision at a distance before ST year 2.

GÄVLEBORG 5.1.2: formal supervision at a distance must be approved by the studierektor
"och bör ej ske förrän in på år 2 – 3 av läkarens ST". Fires for each session with
`form: distance` dated from the ST `start` up to the day before ST year `from_st_year` (2)
begins (start + 1 year, calendar arithmetic), at the session's `form`. Active in Region
Gävleborg.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.engine.timecount import add_years, st_year_of
from stcli.findings import Finding
from stcli.rules import RuleContext, rule


@rule("H005", "early-distance-supervision")
def check(ctx: RuleContext) -> Iterator[Finding]:
    year = int(ctx.param("from_st_year"))
    start = ctx.profile.start
    allowed_from = add_years(start, year - 1)
    for item in ctx.portfolio.supervision:
        session = item.value
        if session.form != "distance" or not start <= session.date < allowed_from:
            continue
        yield ctx.finding("too_early", item.at("form"), hint="approval", day=session.date,
                          year=st_year_of(start, session.date), from_year=year,
                          from_day=allowed_from)
