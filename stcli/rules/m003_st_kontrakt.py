"""M003 st-kontrakt: no ST contract within 7 months of the start of ST.

GÄVLEBORG 4.1.1 ("Ett ST-kontrakt ska upprättas efter cirka 6 månaders anställning");
VÄSTMANLAND ("ST-överenskommelse"). Judged once `within_months` (7) months from `start`
have passed: no `st-kontrakt` milestone dated by as_of is a warning; one signed after the
limit is info saying when (as M001).
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.rules import RuleContext, milestone_within, rule


@rule("M003", "st-kontrakt")
def check(ctx: RuleContext) -> Iterator[Finding]:
    return milestone_within(ctx, "st-kontrakt")
