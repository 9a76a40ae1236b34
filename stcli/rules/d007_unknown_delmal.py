"""D007 unknown-delmal: a delmål code that the portfolio's regulation does not have.

`STc1` in a SOSFS 2015:8 portfolio (or `c1` under HSLF-FS 2021:8) is an error with the
matching code of the right regulation suggested.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.load import suggest
from stcli.rules import RuleContext, rule


def _counterpart(code: str, known: list[str]) -> str | None:
    if code.upper().startswith("ST") and code[2:] in known:
        return code[2:]
    if f"ST{code}" in known:
        return f"ST{code}"
    return suggest(code, known)


@rule("D007", "unknown-delmal")
def check(ctx: RuleContext) -> Iterator[Finding]:
    known = list(ctx.catalog.entries)
    for kind in ("placements", "assessments", "courses", "activities"):
        for item in ctx.portfolio.entries(kind):
            for index, code in enumerate(item.value.delmal):
                if code in ctx.catalog.entries:
                    continue
                near = _counterpart(code, known)
                yield ctx.finding(
                    "unknown", item.at(f"delmal.{index}"),
                    hint="did_you_mean" if near else None,
                    hint_args={"value": near}, code=code,
                    regulation=ctx.profile.regulation,
                )
