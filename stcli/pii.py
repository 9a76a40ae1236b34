"""Detection of Swedish personal identity numbers in free text (rule P001).

A portfolio must never contain patient data, so every text field is scanned for
*personnummer* and *samordningsnummer*.  A number that is found is never echoed
in full: :class:`IdentityNumberMatch` carries only the masked form, and
:func:`mask_identity_numbers` replaces every digit of every match with ``x``.

What is recognised
------------------
* 10 digits ``YYMMDD`` + ``NNNC`` or 12 digits ``YYYYMMDD`` + ``NNNC``;
* the separator before the last four digits is ``-``, ``+``, a single space,
  or nothing;
* the digit run is delimited: no letter or digit (in the Unicode sense of
  :meth:`str.isalnum`) immediately before or after it.  Punctuation, spaces,
  brackets, quotes and underscores are boundaries;
* the date is a real calendar date.  For a samordningsnummer the day is the
  day of birth + 60 (61..91).  For 12 digits the century must be 18, 19 or 20
  and 29 February needs a leap year; for 10 digits the century is unknown, so
  29 February is accepted when some century makes it valid (``YY % 4 == 0``);
* the Luhn check digit, computed over the 10-digit form ``YYMMDDNNNC``.

Known limitation
----------------
Date and Luhn are all the structure a personnummer has.  Any other 10- or
12-digit string that happens to satisfy both is indistinguishable from a real
number and is reported.  Measured: about 5 % of bare ``070xxxxxxx`` mobile
numbers (``072``..``079`` never pass: their "month" is 20 or more; formatted
numbers such as ``070-123 45 67`` are never candidates), under 1 % of bare
``08`` numbers, and 10 % of compact date-and-time strings such as
``20240902 1030``.  For patient data a false alarm is the safe error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "PERSONNUMMER",
    "SAMORDNINGSNUMMER",
    "IdentityNumberMatch",
    "find_identity_numbers",
    "mask_identity_numbers",
]

PERSONNUMMER = "personnummer"
SAMORDNINGSNUMMER = "samordningsnummer"

# One pass over the text.  ``[^\W_]`` is exactly "str.isalnum()" for str patterns,
# so the lookarounds reject a run glued to any letter or digit, in any script.
# Digits of the number itself are ASCII only.  At a given start position at most
# one of the 12- and 10-digit shapes can match (the run before the separator is
# 8 or 6 digits long), so a rejected candidate never hides a valid one.
_CANDIDATE = re.compile(
    r"""
    (?=[0-9])    # first, so that re can skip to digits before trying the look-behind
    (?<![^\W_])
    (?P<century>1[89]|20)?
    (?P<yy>[0-9]{2})
    (?P<mm>[0-9]{2})
    (?P<dd>[0-9]{2})
    (?P<sep>[-+ ]?)
    (?P<tail>[0-9]{4})
    (?![^\W_])
    """,
    re.VERBOSE,
)

# Days per month; February is handled separately.
_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# Luhn: digit d in an odd position (1st, 3rd, ...) contributes the digit sum of 2*d.
_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)

# Any YYMMDD[-+ ]?NNNC window, boundaries ignored, overlapping (used by the masker).
_ANY_WINDOW = re.compile(r"(?=([0-9]{6}[-+ ]?[0-9]{4}))")

_MASK_TABLE = str.maketrans("0123456789", "xxxxxxxxxx")


@dataclass(frozen=True)
class IdentityNumberMatch:
    """A personnummer or samordningsnummer found in a text.

    ``start``/``end`` are offsets into the scanned text (``end`` exclusive).
    ``masked`` is the matched text with every digit replaced by ``x`` and the
    separator kept (``xxxxxx-xxxx``, ``xxxxxxxx-xxxx``, ``xxxxxxxxxx`` ...).
    ``kind`` is ``"personnummer"`` or ``"samordningsnummer"``.  The digits
    themselves are deliberately not stored.
    """

    start: int
    end: int
    masked: str
    kind: str


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _luhn_ok(ten: str) -> bool:
    """Luhn check of a 10-digit ``YYMMDDNNNC`` string."""
    total = 0
    for i, ch in enumerate(ten):
        d = ord(ch) - 48
        total += _DOUBLED[d] if i % 2 == 0 else d
    return total % 10 == 0


def _kind_if_valid(match: re.Match[str]) -> str | None:
    """Return the kind of number for a regex candidate, or None if it is not one."""
    month = int(match["mm"])
    if not 1 <= month <= 12:
        return None
    day = int(match["dd"])
    kind = PERSONNUMMER
    if day > 60:
        day -= 60
        kind = SAMORDNINGSNUMMER
    if not 1 <= day <= _DAYS_IN_MONTH[month]:
        return None
    if month == 2 and day == 29:
        yy = int(match["yy"])
        century = match["century"]
        if century is None:
            # Century unknown: 29 Feb is valid if 18yy, 19yy or 20yy is a leap year.
            if not any(_is_leap(c * 100 + yy) for c in (18, 19, 20)):
                return None
        elif not _is_leap(int(century) * 100 + yy):
            return None
    if not _luhn_ok(match["yy"] + match["mm"] + match["dd"] + match["tail"]):
        return None
    return kind


def _iter_matches(text: str) -> list[tuple[re.Match[str], str]]:
    found: list[tuple[re.Match[str], str]] = []
    for m in _CANDIDATE.finditer(text):
        kind = _kind_if_valid(m)
        if kind is not None:
            found.append((m, kind))
    return found


def find_identity_numbers(text: str) -> list[IdentityNumberMatch]:
    """Find every personnummer and samordningsnummer in ``text``.

    Matches are returned in text order and never overlap.  No match contains
    the digits of the number: only its masked form.
    """
    if len(text) < 10:
        return []
    return [
        IdentityNumberMatch(
            start=m.start(),
            end=m.end(),
            masked=m.group().translate(_MASK_TABLE),
            kind=kind,
        )
        for m, kind in _iter_matches(text)
    ]


def mask_identity_numbers(text: str) -> str:
    """Return ``text`` with every identity number replaced by its masked form.

    Every match of :func:`find_identity_numbers` has its digits replaced by ``x``
    (separators kept).  Once a number is known to be in the text, any other
    occurrence of its digits (``YYMMDD[-+ ]?NNNC``) is masked as well, even where
    it would not be a match on its own, e.g. glued to letters or inside a longer
    digit run: the output never contains the 10-digit core of a found number.
    The result has the same length as ``text``; only digits change.
    """
    if len(text) < 10:
        return text
    matches = _iter_matches(text)
    if not matches:
        return text
    chars = list(text)
    cores: set[str] = set()
    for m, _kind in matches:
        _mask_span(chars, m.start(), m.end())
        cores.add(m["yy"] + m["mm"] + m["dd"] + m["tail"])
    # Overlapping scan of every 6+4 digit window; at a given position the window
    # has one shape only (the 7th character is a digit or a separator).
    for e in _ANY_WINDOW.finditer(text):
        window = e.group(1)
        if window[:6] + window[-4:] in cores:
            _mask_span(chars, e.start(1), e.end(1))
    return "".join(chars)


def _mask_span(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if "0" <= chars[i] <= "9":
            chars[i] = "x"
