"""D011 duplicate-record: two entries of the same kind with identical content.

Usually an entry pasted twice; the second one is reported, naming where the first stands.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stcli.findings import Finding
from stcli.model import KINDS
from stcli.rules import RuleContext, rule


@rule("D011", "duplicate-record")
def check(ctx: RuleContext) -> Iterator[Finding]:
    for kind in KINDS:
        seen: dict[Any, Any] = {}
        for item in ctx.portfolio.entries(kind):
            key = item.value  # frozen dataclasses compare and hash by content
            try:
                first = seen.get(key)
            except TypeError:  # a list inside makes it unhashable: fall back to repr
                key = repr(item.value)
                first = seen.get(key)
            if first is None:
                seen[key] = item
                continue
            yield ctx.finding("duplicate", item.position, kind=kind,
                              first=f"{first.position.file}:{first.position.line}")
