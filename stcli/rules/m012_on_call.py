"""M012 on-call: jour not started in ST year 1, beredskap not started in time or too early.

GÄVLEBORG 5.1.3: jour "bör dock inte fördröjas utan påbörjas under första
anställningsåret"; beredskap should begin "under andra halvan av sin ST-tid". The first
entry of `jour` / `beredskap` activities is when that duty started (portfolio format).
Info, three findings:

* ST year `jour_by_st_year` (1) has ended and no jour started by its end: for the
  portfolio when there is no jour at all, else at the first jour entry (started late);
* as_of is within `beredskap_months_before_completion` (6) months of the projected
  completion and no beredskap has started;
* the first beredskap entry starts before `beredskap_not_before_share` (0.5) of the
  required months are served (the progress model's half-time date for 0.5).

Planned entries (`status: planned`) do not count as started but are judged for the early
beredskap. Entries that ended before the start of ST are ignored, and a beredskap begun
before ST is not judged as early (rules.md: no pace rule counts entries before `start`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from fractions import Fraction

from stcli.engine.progress import months_between
from stcli.findings import Finding
from stcli.model import Activity
from stcli.portfolio import Located, activity_first_day, activity_last_day
from stcli.rules import RuleContext, rule


def _entries(ctx: RuleContext, kind: str) -> list[Located[Activity]]:
    """Entries of `kind` with a first day, not ended before ST, by first day."""
    found = []
    for item in ctx.portfolio.activities:
        first = activity_first_day(item.value)
        last = activity_last_day(item.value) or first
        if item.value.kind == kind and first is not None and last >= ctx.profile.start:
            found.append(item)
    return sorted(found, key=lambda i: activity_first_day(i.value))


def _started(ctx: RuleContext, items: list[Located[Activity]]) -> list[Located[Activity]]:
    return [i for i in items
            if i.value.status != "planned" and activity_first_day(i.value) <= ctx.as_of]


def _share_date(ctx: RuleContext, share: Fraction) -> dt.date | None:
    time = ctx.progress.time
    if share == Fraction(1, 2):
        return time.half_time_date
    return ctx.progress.timeline.date_reaching(time.required * share, ctx.profile.start,
                                                time.credited)


@rule("M012", "on-call")
def check(ctx: RuleContext) -> Iterator[Finding]:
    yield from _jour(ctx)
    yield from _beredskap(ctx)


def _jour(ctx: RuleContext) -> Iterator[Finding]:
    number = int(ctx.param("jour_by_st_year"))
    year = ctx.progress.year(number)
    if year is None or not year.completed:
        return
    started = _started(ctx, _entries(ctx, "jour"))
    if not started:
        yield ctx.finding("no_jour", hint="add_jour", year=number, end=year.end)
        return
    first = started[0]
    day = activity_first_day(first.value)
    if day > year.end:
        yield ctx.finding("jour_late", first.at("start") if first.value.start
                          else first.at("date"), day=day, year=number, end=year.end)


def _beredskap(ctx: RuleContext) -> Iterator[Finding]:
    entries = _entries(ctx, "beredskap")
    completion = ctx.progress.time.projected_completion
    months = int(ctx.param("beredskap_months_before_completion"))
    if completion is not None and ctx.as_of >= months_between(completion, -months) \
            and not _started(ctx, entries):
        yield ctx.finding("no_beredskap", hint="add_beredskap", completion=completion,
                          months=months)
    if not entries:
        return
    first = entries[0]
    day = activity_first_day(first.value)
    share = Fraction(str(ctx.param("beredskap_not_before_share")))
    threshold = _share_date(ctx, share)
    if day >= ctx.profile.start and threshold is not None and day < threshold:
        yield ctx.finding("beredskap_early", first.at("start") if first.value.start
                          else first.at("date"), day=day, half=threshold, share=share * 100)
