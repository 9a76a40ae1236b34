"""H004 supervisor-training: the main supervisor's handledarutbildning is too old.

GÄVLEBORG 5.1.2: "Handledaren ska ha en uppdaterad handledarutbildning som ej bör vara äldre
än fem år". For each main supervisor (`role: main`) whose period covers as_of, fires when the
`training` date (a year alone means 31 December of that year) plus
`max_training_age_years` (5) is before as_of, at that supervisor's `training` in st.yaml.
A supervisor without a `training` date is not judged. Active in Region Gävleborg.
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
    years = int(ctx.params.get("max_training_age_years", 5))
    located = ctx.portfolio.profile
    assert located is not None
    for index, supervisor in enumerate(ctx.profile.supervisors):
        if supervisor.role != "main" or supervisor.training is None:
            continue
        if supervisor.from_ is not None and supervisor.from_ > ctx.as_of:
            continue
        if supervisor.to is not None and supervisor.to < ctx.as_of:
            continue
        expires = add_years(supervisor.training, years)
        if expires < ctx.as_of:
            yield ctx.finding("too_old", located.at(f"supervisors.{index}.training"),
                              hint="update_training", name=supervisor.name,
                              training=_shown(supervisor.training), years=years,
                              expired=expires, as_of=ctx.as_of)
