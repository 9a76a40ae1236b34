"""The trainee's personnummer as typed: checked and written the way the forms ask for it.

It is read from a terminal prompt or `ST_PERSONNUMMER` by the command, passed to
`stcli.forms.pdf` and forgotten: never stored, printed or logged.
"""

from __future__ import annotations

import datetime as dt
import re

_SHAPE = re.compile(r"^(?P<century>1[89]|20)?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
                    r"(?P<sep>[-+ ]?)(?P<tail>\d{4})$")


def normalize(text: str, today: dt.date) -> str | None:
    """`YYYYMMDD-NNNN` for a valid personnummer or samordningsnummer, else None.

    Ten digits get their century as the Skatteverket rule has it: `+` means a hundred
    years or older, `-` (or nothing) the latest century that puts the birth day
    before today."""
    from stcli.pii import find_identity_numbers

    text = text.strip()
    match = _SHAPE.match(text)
    if match is None:
        return None
    found = find_identity_numbers(text)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(text):
        return None
    yy, mm, dd = int(match["yy"]), int(match["mm"]), int(match["dd"])
    if match["century"]:
        year = int(match["century"]) * 100 + yy
    else:
        day = dd - 60 if dd > 60 else dd
        year = (today.year // 100) * 100 + yy
        try:
            born = dt.date(year, mm, day)
        except ValueError:  # 29 February in a century that has none
            born = dt.date(year, mm, 28)
        if born > today:
            year -= 100
        if match["sep"] == "+":
            year -= 100
    return f"{year:04d}{mm:02d}{dd:02d}-{match['tail']}"
