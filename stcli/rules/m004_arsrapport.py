"""M004 arsrapport: a completed ST year has no annual report.

GÄVLEBORG 5.1.4: "en årsrapport ska skrivas av ST-läkaren årligen". Every completed ST
year (judged the day after it ends, no grace period) needs an `arsrapport` milestone dated
by as_of that belongs to the year: by its date, or by `st_year:` when it was written after
the year ended. A year spent entirely on non-counting leave is not judged. One finding per
year, about the portfolio as a whole.

`year_kinds` is shared with M005 and M006.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.engine.progress import StYear
from stcli.findings import Finding
from stcli.rules import RuleContext, rule


def year_kinds(ctx: RuleContext, year: StYear) -> set[str]:
    """Kinds of the milestones done (dated by as_of) that belong to the ST year."""
    milestones = ctx.portfolio.milestones
    return {milestones[i].value.kind for i in year.entries.milestones
            if milestones[i].value.date <= ctx.as_of}


def judged_years(ctx: RuleContext) -> Iterator[StYear]:
    """Completed ST years with some time not on non-counting leave."""
    for year in ctx.progress.years:
        if year.completed and year.noncounting_leave_days < year.days:
            yield year


@rule("M004", "arsrapport")
def check(ctx: RuleContext) -> Iterator[Finding]:
    for year in judged_years(ctx):
        if "arsrapport" not in year_kinds(ctx, year):
            yield ctx.finding("missing", hint="add", hint_args={"year": year.number},
                              year=year.number, start=year.start,
                              end=year.end)
