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
from typing import Any

__all__ = [
    "PERSONNUMMER",
    "SAMORDNINGSNUMMER",
    "IdentityNumberMatch",
    "MaskingStream",
    "find_identity_numbers",
    "mask_identity_numbers",
    "mask_rendered",
    "normalise",
    "safe_output",
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


class _Normalising(dict[int, str]):
    """One character for one: every Unicode decimal digit to its ASCII digit (fullwidth,
    Arabic-Indic …), every dash and minus to `-`, every space (NBSP, U+2007, U+202F, tab …)
    to ` `. Lengths stay equal, so positions in the normalised text are positions in the
    original. Filled as characters are met (a table of all of Unicode costs 0.3 s)."""

    def __missing__(self, code: int) -> str:
        import unicodedata

        char = chr(code)
        category = unicodedata.category(char)
        if category == "Nd":
            result = str(unicodedata.digit(char))
        elif category == "Pd" or char in _DASHES:
            result = "-"
        elif category == "Zs" or char in _SPACES:
            result = " "
        else:
            result = char
        self[code] = result
        return result


_DASHES = "\u2212\u2796\ufe63\uff0d\u02d7\u2043"
_SPACES = "\t\u180e\u200b\u2060\ufeff"
_NORMALISE = _Normalising()
_NEEDS_NORMALISING = re.compile(r"[^\x00-\x08\x0a-\x7f]")


def normalise(text: str) -> str:
    """`text` with digits, dashes and spaces in their ASCII form, same length (see above)."""
    if not _NEEDS_NORMALISING.search(text):
        return text
    return text.translate(_NORMALISE)


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
    for m in _CANDIDATE.finditer(normalise(text)):
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
            masked=_masked(text[m.start():m.end()]),
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
    plain = normalise(text)
    matches = _iter_matches(plain)
    if not matches:
        return text
    chars = list(text)
    digits = [c.isdigit() for c in plain]
    cores: set[str] = set()
    for m, _kind in matches:
        _mask_span(chars, digits, m.start(), m.end())
        cores.add(m["yy"] + m["mm"] + m["dd"] + m["tail"])
    # Overlapping scan of every 6+4 digit window; at a given position the window
    # has one shape only (the 7th character is a digit or a separator).
    for e in _ANY_WINDOW.finditer(plain):
        window = e.group(1)
        if window[:6] + window[-4:] in cores:
            _mask_span(chars, digits, e.start(1), e.end(1))
    return "".join(chars)


def _mask_span(chars: list[str], digits: list[bool], start: int, end: int) -> None:
    for i in range(start, end):
        if digits[i]:
            chars[i] = "x"


def _masked(text: str) -> str:
    """A matched number as shown: every digit (of any script) `x`, the separator as written
    (a dash of any kind shown as `-`, a space of any kind as ` `)."""
    return "".join("x" if c.isdigit() else c for c in normalise(text))


# Lone surrogates come from file names that are not UTF-8 (Python's surrogateescape);
# written out they would make the output invalid UTF-8 (and a JSON reader fail).
_SURROGATE = re.compile("[\ud800-\udfff]")


def safe_output(text: str) -> str:
    """What every command prints or writes: identity numbers masked, valid UTF-8."""
    masked = mask_identity_numbers(text)
    return _SURROGATE.sub("\ufffd", masked) if _SURROGATE.search(masked) else masked


# What a rendered report may put between the digits of a number without hiding it from a
# reader: tags, Markdown backslashes, character references, invisible characters.
_MARKUP = re.compile(r"<[^<>]{0,200}>|\\|&#?[A-Za-z0-9]{1,10};|[\u00ad\u200b-\u200d\u2060\ufeff]")


def mask_rendered(text: str) -> str:
    """`safe_output` for a rendered report, also catching a number whose digits are
    separated by markup (`1<b></b>9…`, `19121212\\-1212`, `&#49;9…`): the text is read
    as a reader sees it, and the digits found there are masked in the markup."""
    import html

    text = safe_output(text)
    if not _MARKUP.search(text):
        return text
    seen: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    for markup in _MARKUP.finditer(text):
        for index in range(position, markup.start()):
            seen.append(text[index])
            spans.append((index, index + 1))
        token = markup.group()
        if token.startswith("&"):
            decoded = html.unescape(token)
            if len(decoded) == 1:
                seen.append(decoded)
                spans.append((markup.start(), markup.end()))
        position = markup.end()
    for index in range(position, len(text)):
        seen.append(text[index])
        spans.append((index, index + 1))
    visible = "".join(seen)
    masked = mask_identity_numbers(visible)
    if masked == visible:
        return text
    out = list(text)
    for index, (before, after) in enumerate(zip(visible, masked, strict=True)):
        if before != after:
            start, end = spans[index]
            out[start] = "x"
            for inside in range(start + 1, end):
                out[inside] = ""
    return "".join(out)


_OPEN_TAIL = re.compile(r"[0-9][0-9 +-]*\Z")


class MaskingStream:
    """A text stream that passes everything through `safe_output` on its way out.

    Installed over `sys.stdout` and `sys.stderr` by the command line (the one choke point:
    messages, echoes, tables, JSON, rendered reports, tracebacks alike). Whole lines are
    masked: a trailing run of digits is held back until the next write shows where it ends,
    so a number is never split across two writes. `flush` writes what is held.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # pragma: no cover - misuse; let the stream say so
            return int(self._stream.write(text))
        pending = self._pending + text
        # Hold back only a trailing run that could be the start of a number (digits and
        # separators); everything before it is written now.
        tail = _OPEN_TAIL.search(normalise(pending[-64:]))
        cut = len(pending) - (len(tail.group()) if tail else 0)
        if len(pending) - cut > 40:  # not a number any more: no need to wait
            cut = len(pending)
        head, self._pending = pending[:cut], pending[cut:]
        if head:
            self._stream.write(safe_output(head))
        return len(text)

    def _drain(self) -> None:
        if self._pending:
            head, self._pending = self._pending, ""
            self._stream.write(safe_output(head))

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._drain()
        self._stream.flush()

    @property
    def wrapped(self) -> Any:
        return self._stream

    @property
    def buffer(self) -> Any:
        """The byte stream beneath, masked too (`st calendar -o -` writes bytes)."""
        return _MaskingBuffer(self)

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding, buffer …
        return getattr(self._stream, name)


class _MaskingBuffer:
    """Bytes written to a MaskingStream's `buffer`: decoded, masked, encoded (UTF-8)."""

    def __init__(self, owner: MaskingStream) -> None:
        self._owner = owner

    def write(self, data: bytes) -> int:
        self._owner.flush()  # text written before comes first
        text = bytes(data).decode("utf-8", "replace")
        self._owner.wrapped.buffer.write(safe_output(text).encode("utf-8"))
        return len(data)

    def flush(self) -> None:
        self._owner.wrapped.buffer.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._owner.wrapped.buffer, name)
