"""H004 supervisor-training: the main supervisor has no handledarutbildning recorded, or it
is too old.

GÄVLEBORG 5.1.2: "Handledaren ska ha en uppdaterad handledarutbildning som ej bör vara äldre
än fem år"; VGR-FAQ "Vem kan vara handledare?". For each main supervisor (`role: main`)
whose period covers as_of: no `training` fires (rules.md v2: in both regions), at the
supervisor in st.yaml; and when `max_training_age_years` is above 0 (Gävleborg's pack: 5;
0 means no age limit, VGR) the `training` date (a year alone means 31 December of that
year) plus that many years before as_of fires, at that supervisor's `training`.
Active in Region Gävleborg and VGR.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from stcli.engine.timecount import add_years
from stcli.findings import Finding
from stcli.rules import RuleContext, rule


def _shown(day: dt.date) -> str:
    """A year alone was written as a year: show it so."""
    return str(day.year) if (day.month, day.day) == (12, 31) else day.isoformat()


@rule("H004", "supervisor-training")
def check(ctx: RuleContext) -> Iterator[Finding]:
    years = int(ctx.params.get("max_training_age_years", 0))
    located = ctx.portfolio.profile
    assert located is not None
    for index, supervisor in enumerate(ctx.profile.supervisors):
        if supervisor.role != "main":
            continue
        if supervisor.from_ is not None and supervisor.from_ > ctx.as_of:
            continue
        if supervisor.to is not None and supervisor.to < ctx.as_of:
            continue
        if supervisor.training is None:
            yield ctx.finding("missing", located.at(f"supervisors.{index}"),
                              hint="add_training", name=supervisor.name)
            continue
        if years <= 0:
            continue
        expires = add_years(supervisor.training, years)
        if expires < ctx.as_of:
            yield ctx.finding("too_old", located.at(f"supervisors.{index}.training"),
                              hint="update_training", name=supervisor.name,
                              training=_shown(supervisor.training), years=years,
                              expired=expires, as_of=ctx.as_of)
