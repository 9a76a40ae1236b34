"""Sign-offs of the annual review: the records the engine reads, and the pure parts.

A supervisor signs an ST year with `st sign --year N`: a signed annotated git tag
`st/arsgenomgang-N` whose message holds a `key: value` block (`MESSAGE_FORMAT`, documented
in docs/signoff.md). `stcli/gitsign.py` runs git and fills the records below; this module
has no I/O apart from `has_signoff_tags`, which only looks at a few files in `.git` so that
`st validate` spawns no git in a repository without sign-offs.

Pure here: the tag message (build and parse) and the comparison of a year's entries in
the signed tree with the current one (`compare_year`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from stcli.findings import Position

if TYPE_CHECKING:
    from stcli.engine.evaluate import Evaluation
    from stcli.model import Profile
    from stcli.portfolio import Located, Portfolio

TAG_PREFIX = "st/arsgenomgang-"
TAG_PATTERN = re.compile(r"st/arsgenomgang-([1-9][0-9]{0,2})")
MESSAGE_FORMAT = "1"  # the `st-signoff:` line of the block; raise when a key changes meaning
ALLOWED_SIGNERS = ".st/allowed_signers"
ROLES = ("handledare", "studierektor")
# The signature's state, as `st verify`, `st status` and reports show it.
VALID, UNKNOWN_KEY, BAD, UNSIGNED, UNCHECKED, ERROR = (
    "valid", "unknown-key", "bad", "unsigned", "unchecked", "error")
# Why the signed tree could not be compared with the current one.
NOT_HERE, NO_PORTFOLIO, NO_PROFILE = "not-here", "no-portfolio", "no-profile"

# Profile fields that decide a year's figures; a change to another (a new supervisor's
# phone number) is not a change of the signed year.
PROFILE_FIELDS = ("start", "regulation", "employment", "credited", "doctoral_degree", "bt")
ENTRY_KINDS = ("placements", "supervision", "assessments", "courses", "leave", "activities",
               "milestones")


class EntryChange(NamedTuple):
    """One entry of a signed year that differs from what was signed."""

    kind: str  # placements, supervision, … ; "profile" for st.yaml fields
    change: str  # changed | added | removed
    file: str  # relative to the portfolio
    position: Position  # in the current files; the file alone for a removed entry
    what: str  # the entry named by its date or period (and title), or the profile fields


class SignOff(NamedTuple):
    """The sign-off of one ST year: the tag, its signature, and what changed since."""

    year: int
    tag: str
    commit: str | None  # the signed commit (None: not in this clone)
    date: dt.datetime | None  # the tagger's date: when it was signed
    tagger: str  # git's identity of who made the tag (name <email>)
    signer: str  # `signer:` of the message
    role: str  # `role:` of the message
    figures: dict[str, str]  # the message's key: value block
    signature: str  # VALID | UNKNOWN_KEY | BAD | UNSIGNED | UNCHECKED | ERROR
    signature_format: str  # ssh | openpgp | x509 | "" (no signature)
    principal: str  # whom allowed_signers names for the key (ssh) or gpg's user id
    key: str  # the key's fingerprint as git reports it
    detail: str  # git's own words when the signature is not valid
    compared: bool  # whether the signed tree was compared with the current one
    not_compared: str  # why not: NOT_HERE | NO_PORTFOLIO | NO_PROFILE | ""
    changes: tuple[EntryChange, ...] = ()
    signers_changed: bool = False  # .st/allowed_signers differs from the signed commit


def tag_name(year: int) -> str:
    return f"{TAG_PREFIX}{year}"


# --- is there anything to read? (no git process) -----------------------------------------------


def git_dir(start: Path) -> Path | None:
    """The repository's common git directory for `start`: `.git` of the nearest folder that
    has one; a worktree's or submodule's `.git` file is followed (`gitdir:`, `commondir`)."""
    here = start.resolve()
    for folder in (here, *here.parents):
        dot = folder / ".git"
        if dot.is_dir():
            return dot
        if dot.is_file():
            try:
                text = dot.read_text(encoding="utf-8", errors="replace")
            except OSError:
                return None
            if not text.startswith("gitdir:"):
                return None
            gitdir = (folder / text[len("gitdir:"):].strip()).resolve()
            common = gitdir / "commondir"
            try:
                if common.is_file():
                    return (gitdir / common.read_text(encoding="utf-8").strip()).resolve()
            except OSError:
                return gitdir
            return gitdir
    return None


def has_signoff_tags(root: Path) -> bool:
    """Whether the repository holding `root` has an `st/arsgenomgang-*` tag: loose refs in
    `refs/tags/st/`, or a line of `packed-refs`. Cheap: no git process is started."""
    found = git_dir(root)
    if found is None:
        return False
    loose = found / "refs" / "tags" / "st"
    try:
        if loose.is_dir() and any(p.name.startswith("arsgenomgang-") for p in loose.iterdir()):
            return True
        packed = found / "packed-refs"
        if packed.is_file():
            return b"refs/tags/" + TAG_PREFIX.encode() in packed.read_bytes()
    except OSError:
        return False
    return False


def read_signoffs(root: Path, portfolio: Portfolio) -> tuple[SignOff, ...]:
    """The sign-offs of the repository holding the portfolio, compared with the files as
    loaded, signatures not yet verified (UNCHECKED: `stcli.gitsign.verify_signoffs`).
    git is started only when the repository has a sign-off tag."""
    if not has_signoff_tags(root):
        return ()
    from stcli.gitsign import GitError
    from stcli.gitsign import read_signoffs as from_git

    try:
        return from_git(root, portfolio)
    except GitError:
        return ()  # no git on PATH: sign-offs cannot be read here (`st verify` says so)


# --- the tag message -----------------------------------------------------------------------

_KEY_LINE = re.compile(r"([a-z][a-z0-9-]*): ?(.*)")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]+")


def one_line(text: object) -> str:
    """A value for the block: control characters (newlines included) become one space."""
    return _UNSAFE.sub(" ", str(text)).strip()


def build_message(subject: str, figures: Iterable[tuple[str, object]]) -> str:
    """The tag message: a subject line for people, a blank line, then the block."""
    lines = [one_line(subject), "", f"st-signoff: {MESSAGE_FORMAT}"]
    lines += [f"{key}: {one_line(value)}" for key, value in figures]
    return "\n".join(lines) + "\n"


def parse_message(text: str) -> dict[str, str]:
    """The block of a tag message (from `st-signoff:` to the first line that is not
    `key: value`); {} when the message has none."""
    figures: dict[str, str] = {}
    inside = False
    for line in text.splitlines():
        match = _KEY_LINE.fullmatch(line.rstrip())
        if not inside:
            if match and match.group(1) == "st-signoff":
                inside = True
                figures["st-signoff"] = match.group(2)
            continue
        if match is None:
            break
        figures.setdefault(match.group(1), match.group(2))
    return figures


# --- what changed in a signed year -----------------------------------------------------------


def _natural_day(kind: str, value: Any) -> dt.date | None:
    """The date an entry is known by (to tell "changed" from "removed and added")."""
    if kind in ("supervision", "assessments", "milestones"):
        day: dt.date | None = value.date
        return day
    if kind == "activities":
        return value.start or value.date  # type: ignore[no-any-return]
    return value.start  # type: ignore[no-any-return]


def describe(kind: str, value: Any) -> str:
    """An entry named for people: its date or period, and its title, unit or kind."""
    if kind in ("supervision", "assessments", "milestones"):
        when = value.date.isoformat()
    else:
        first = value.start or getattr(value, "date", None)
        last = value.end
        when = first.isoformat() if first else ""
        if last and last != first:
            when = f"{when}–{last.isoformat()}"
    label = {
        "placements": getattr(value, "unit", None),
        "courses": getattr(value, "title", None),
        "activities": getattr(value, "title", None) or getattr(value, "kind", None),
        "leave": getattr(value, "kind", None),
        "milestones": getattr(value, "kind", None),
        "assessments": getattr(value, "method", None),
    }.get(kind)
    return f"{when} ({one_line(label)})" if label else when


def _year_items(portfolio: Portfolio, profile: Profile, year: int,
                files: frozenset[str] | None) -> dict[str, list[Located[Any]]]:
    from stcli.engine.progress import entries_of_year

    picked = entries_of_year(portfolio, profile, year)
    items: dict[str, list[Located[Any]]] = {}
    for kind in ENTRY_KINDS:
        records = portfolio.entries(kind)
        items[kind] = [records[i] for i in getattr(picked, kind)
                       if files is None or records[i].position.file in files]
    return items


def compare_year(signed: Portfolio, current: Portfolio, year: int,
                 files: frozenset[str]) -> tuple[EntryChange, ...]:
    """Entries of ST year `year` that differ between the signed portfolio and the current
    one, looking only at `files` (those git says differ; every other file is as signed).

    Entries are compared by value, wherever in those files they stand (moving an entry or
    reformatting a file is no change). Left-overs of the same kind and date are one
    changed entry, the rest removed or added. Each portfolio's own profile decides which
    entries belong to the year, so an entry moved into or out of the year shows too.
    """
    if signed.profile is None or current.profile is None:
        return ()
    changes: list[EntryChange] = []
    changes += _profile_changes(signed.profile, current.profile)
    before = _year_items(signed, signed.profile.value, year, files)
    after = _year_items(current, current.profile.value, year, files)
    for kind in ENTRY_KINDS:
        unmatched_after = list(after[kind])
        unmatched_before: list[Located[Any]] = []
        for item in before[kind]:
            for index, candidate in enumerate(unmatched_after):
                if candidate.value == item.value:
                    del unmatched_after[index]
                    break
            else:
                unmatched_before.append(item)
        for item in unmatched_before:
            day = _natural_day(kind, item.value)
            twin = next((c for c in unmatched_after if _natural_day(kind, c.value) == day
                         and c.position.file == item.position.file), None)
            if twin is None:
                twin = next((c for c in unmatched_after
                             if _natural_day(kind, c.value) == day), None)
            if twin is not None:
                unmatched_after.remove(twin)
                changes.append(EntryChange(kind, "changed", twin.position.file or "",
                                           twin.position, describe(kind, twin.value)))
            else:
                file = item.position.file or ""
                changes.append(EntryChange(kind, "removed", file, Position(file),
                                           describe(kind, item.value)))
        for item in unmatched_after:
            changes.append(EntryChange(kind, "added", item.position.file or "",
                                       item.position, describe(kind, item.value)))
    changes.sort(key=lambda c: (c.file, c.position.line or 0, c.kind, c.what))
    return tuple(changes)


def _profile_changes(signed: Located[Profile], current: Located[Profile]
                     ) -> list[EntryChange]:
    differing = [name for name in PROFILE_FIELDS
                 if _comparable(getattr(signed.value, name, None))
                 != _comparable(getattr(current.value, name, None))]
    if not differing:
        return []
    position = current.at(differing[0])
    return [EntryChange("profile", "changed", position.file or "st.yaml", position,
                        ", ".join(differing))]


def _comparable(value: Any) -> Any:
    if isinstance(value, list):
        return Counter(repr(v) for v in value)
    return repr(value) if value is not None and not isinstance(value, str | int | dt.date) \
        else value


# --- the year's key figures (the block of the tag message) -----------------------------------


def _decimal(value: Fraction | int, digits: int = 2) -> str:
    """A stable decimal with a point (the block is read by programs too)."""
    exact = Fraction(value)
    quantum = Decimal(1).scaleb(-digits)
    number = Decimal(exact.numerator) / Decimal(exact.denominator)
    return str(number.quantize(quantum, rounding=ROUND_HALF_UP))


def year_figures(evaluation: Evaluation, year: int, signer: str, role: str,
                 commit: str) -> list[tuple[str, object]]:
    """The block of `st sign`'s tag message, from the one progress model and the findings
    (documented in docs/signoff.md; keys are stable, values plain)."""
    from stcli.engine.progress import summarize_delmal
    from stcli.findings import Severity, count_by_severity
    from stcli.pii import mask_identity_numbers

    progress = evaluation.progress
    profile = evaluation.portfolio.profile
    assert progress is not None and profile is not None  # the command checks first
    st_year = progress.year(year)
    assert st_year is not None
    # ST delmål only (BT delmål are certified with the BT; status shows them apart)
    delmal = summarize_delmal(tuple(d for d in progress.delmal if d.delmal.group != "bt"))
    counts = count_by_severity(evaluation.findings)
    open_codes = Counter(f.code for f in evaluation.findings
                         if f.effective_severity in (Severity.ERROR, Severity.WARNING))
    rate = st_year.minutes_per_week
    return [
        ("st-year", year),
        ("period", f"{st_year.start.isoformat()}..{st_year.end.isoformat()}"),
        ("year-completed", "yes" if st_year.completed else "no"),
        ("signer", mask_identity_numbers(signer)),
        ("role", role),
        ("as-of", evaluation.as_of.isoformat()),
        ("commit", commit),
        ("trainee", mask_identity_numbers(profile.value.trainee)),
        ("regulation", profile.value.regulation),
        ("served-months-year", _decimal(st_year.months_served)),
        ("served-months-year-exact", str(st_year.months_served)),
        ("served-months-total", _decimal(st_year.served_total)),
        ("served-months-total-exact", str(st_year.served_total)),
        ("supervision-sessions", st_year.supervision_sessions),
        ("supervision-minutes", st_year.supervision_minutes),
        ("supervision-weeks-in-service", _decimal(st_year.weeks_in_service)),
        ("supervision-minutes-per-week", _decimal(rate, 1) if rate is not None else "none"),
        ("assessments", st_year.assessments),
        ("assessments-minimum", st_year.assessment_minimum),
        ("assessment-methods", " ".join(f"{m}={n}" for m, n in st_year.assessment_methods)
         or "none"),
        ("delmal-certified", f"{delmal.certified}/{delmal.total}"),
        ("delmal-complete", f"{delmal.complete}/{delmal.total}"),
        ("findings-error", counts["error"]),
        ("findings-warning", counts["warning"]),
        ("findings-info", counts["info"]),
        ("findings-open", " ".join(f"{code}={n}" for code, n in sorted(open_codes.items()))
         or "none"),
    ]


# --- allowed_signers (git's format: `principals [options] keytype key [comment]`) -----------

PRINCIPAL = re.compile(r"[^\s,\"'#*?!][^\s,\"'*?!]*")
KEY_TYPES = ("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
             "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
             "sk-ecdsa-sha2-nistp256@openssh.com")


class PublicKey(NamedTuple):
    type: str
    data: str  # base64, as written
    comment: str
    fingerprint: str  # SHA256:…, as ssh-keygen -l prints it


def parse_public_key(text: str) -> PublicKey | None:
    """The first key line of an OpenSSH public key (a .pub file's text), checked: a known
    type and base64 data that name the same type. None when it is not one."""
    import base64
    import binascii
    import hashlib

    for line in text.splitlines():
        fields = line.split(None, 2)
        if len(fields) < 2 or fields[0] not in KEY_TYPES:
            continue
        try:
            blob = base64.b64decode(fields[1], validate=True)
        except (binascii.Error, ValueError):
            return None
        name = fields[0].encode()
        if blob[:4] != len(name).to_bytes(4, "big") or blob[4:4 + len(name)] != name:
            return None
        digest = base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
        comment = one_line(fields[2]) if len(fields) > 2 else ""
        return PublicKey(fields[0], fields[1], comment, f"SHA256:{digest}")
    return None


def signer_line(principal: str, key: PublicKey) -> str:
    """One line of allowed_signers; `namespaces="git"`: the key counts for git only."""
    tail = f" {key.comment}" if key.comment else ""
    return f'{principal} namespaces="git" {key.type} {key.data}{tail}'


def has_signer(text: str, principal: str, key: PublicKey) -> bool:
    for line in text.splitlines():
        fields = line.split()
        if fields and fields[0] == principal and key.data in fields:
            return True
    return False
