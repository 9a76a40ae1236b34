"""Sign-offs in words: `st verify` (text and JSON), and the rows `st status` and reports show.

Reads `evaluation.portfolio.signoffs` (filled by stcli/gitsign.py) and the ST years of the
progress model; computes nothing. No rich, no jinja2: plain lines.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from stcli.i18n import echo, t
from stcli.signoff import VALID, SignOff

if TYPE_CHECKING:
    from stcli.engine.evaluate import Evaluation

SCHEMA = "st-verify/1"
SHORT_COMMIT = 12


def _date(signoff: SignOff) -> str:
    return signoff.date.date().isoformat() if signoff.date else "?"


def state_label(signoff: SignOff, lang: str) -> str:
    return t(f"sign.state.{signoff.signature}", lang)


def ok(signoff: SignOff) -> bool:
    """Valid, and unchanged as far as could be compared."""
    return signoff.signature == VALID and not signoff.changes


def years(evaluation: Evaluation) -> list[tuple[int, dt.date | None, dt.date | None,
                                                SignOff | None]]:
    """(ST year, start, end, its sign-off or None) for every ST year begun by as_of, then
    any sign-off of a year not begun (the dates unknown)."""
    by_year = {s.year: s for s in evaluation.portfolio.signoffs}
    rows: list[tuple[int, dt.date | None, dt.date | None, SignOff | None]] = []
    progress = evaluation.progress
    if progress is not None:
        for year in progress.years:
            rows.append((year.number, year.start, year.end, by_year.pop(year.number, None)))
    for number in sorted(by_year):
        rows.append((number, None, None, by_year[number]))
    return rows


def change_dict(signoff: SignOff) -> list[dict[str, Any]]:
    return [{"kind": c.kind, "change": c.change, "file": c.file, "line": c.position.line,
             "column": c.position.column, "what": echo(c.what)} for c in signoff.changes]


def signoff_dict(number: int, start: dt.date | None, end: dt.date | None,
                 signoff: SignOff | None, lang: str) -> dict[str, Any]:
    row: dict[str, Any] = {
        "st_year": number,
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "signed": signoff is not None,
    }
    if signoff is None:
        return row
    row.update({
        "tag": signoff.tag,
        "commit": signoff.commit,
        "date": signoff.date.isoformat() if signoff.date else None,
        "signer": echo(signoff.signer),
        "role": echo(signoff.role),
        "tagger": echo(signoff.tagger),
        "signature": signoff.signature,
        "signature_label": state_label(signoff, lang),
        "signature_format": signoff.signature_format or None,
        "principal": echo(signoff.principal) or None,
        "key": signoff.key or None,
        "detail": echo(signoff.detail) or None,
        "compared": signoff.compared,
        "not_compared": signoff.not_compared or None,
        "changes": change_dict(signoff),
        "allowed_signers_changed": signoff.signers_changed,
        "figures": {key: echo(value) for key, value in signoff.figures.items()},
    })
    return row


def rows(evaluation: Evaluation, lang: str) -> list[dict[str, Any]]:
    """The `signoffs` list of `st status --json` and `st verify --json`, and report rows."""
    return [signoff_dict(number, start, end, signoff, lang)
            for number, start, end, signoff in years(evaluation)]


def verify_json(evaluation: Evaluation, lang: str, signers: str, shallow: bool) -> str:
    signoffs = evaluation.portfolio.signoffs
    document = {
        "schema": SCHEMA,
        "portfolio": str(evaluation.root),
        "as_of": evaluation.as_of.isoformat(),
        "allowed_signers": signers,
        "shallow": shallow,
        "ok": all(ok(s) for s in signoffs),
        "signoffs": rows(evaluation, lang),
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def verify_text(evaluation: Evaluation, lang: str, signers: str, shallow: bool) -> str:
    lines = [t("sign.verify.heading", lang, signers=signers), ""]
    for number, start, end, signoff in years(evaluation):
        if start is None or end is None:
            if signoff is not None:  # no profile to place it, or a year not begun
                lines.append(signoff.tag if evaluation.progress is None else t(
                    "sign.verify.beyond", lang, tag=signoff.tag, as_of=evaluation.as_of))
                lines += _details(signoff, lang, signers)
            continue
        head = t("sign.verify.year", lang, year=number, start=start, end=end)
        if signoff is None:
            lines.append(f"{head}: {t('sign.verify.unsigned', lang)}")
            continue
        lines.append(f"{head}: " + t(
            "sign.verify.signed", lang, date=_date(signoff), signer=signoff.signer or "?",
            role=signoff.role or "?", tag=signoff.tag,
            commit=(signoff.commit or "?")[:SHORT_COMMIT]))
        lines += _details(signoff, lang, signers)
    signoffs = evaluation.portfolio.signoffs
    lines.append("")
    if shallow:
        lines += [t("sign.verify.shallow", lang), ""]
    if not signoffs:
        lines.append(t("sign.verify.none", lang))
    else:
        bad = sum(1 for s in signoffs if not ok(s))
        lines.append(t("sign.verify.summary_bad", lang, bad=bad, count=len(signoffs)) if bad
                     else t("sign.verify.summary_ok", lang, count=len(signoffs)))
    return "\n".join(lines) + "\n"


def _details(signoff: SignOff, lang: str, signers: str) -> list[str]:
    indent = "  "
    state = t("sign.verify.signature", lang, state=state_label(signoff, lang))
    who = " ".join(p for p in (echo(signoff.principal), signoff.key) if p)
    out = [indent + " · ".join(p for p in (state, who, echo(signoff.detail)) if p)]
    if signoff.tagger:
        out.append(indent + t("sign.verify.tagger", lang, tagger=signoff.tagger))
    if signoff.signers_changed:
        out.append(indent + t("sign.verify.signers_changed", lang, path=signers))
    if not signoff.compared:
        key = {"not-here": "not_here", "no-portfolio": "no_portfolio"}.get(
            signoff.not_compared, "no_profile")
        out.append(indent + t(f"sign.verify.{key}", lang))
    elif not signoff.changes:
        out.append(indent + t("sign.verify.unchanged", lang))
    else:
        out.append(indent + t("sign.verify.changes", lang, count=len(signoff.changes)))
        for change in signoff.changes:
            where = change.file
            if change.position.line:
                where += f":{change.position.line}:{change.position.column or 1}"
            kind = "profile" if change.kind == "profile" else change.change
            label = t(f"sign.verify.change.{kind}", lang)
            out.append(f"{indent * 2}{where}  {label}  {echo(change.what)}")
    return out


def report_rows(evaluation: Evaluation, lang: str) -> list[dict[str, Any]]:
    """The signed years for a report, in words (the annual report's partial picks its year)."""
    out = []
    for signoff in evaluation.portfolio.signoffs:
        if not signoff.compared:
            since = t("report.signoff.unknown", lang)
        elif signoff.changes:
            since = t("report.signoff.changed", lang, count=len(signoff.changes))
        else:
            since = t("report.signoff.unchanged", lang)
        out.append({"year": signoff.year, "signer": signoff.signer or signoff.tagger,
                    "role": signoff.role, "date": _date(signoff),
                    "signature": state_label(signoff, lang),
                    "valid": signoff.signature == VALID, "since": since})
    return out
