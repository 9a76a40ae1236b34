"""Findings as text lines, JSON and GitHub annotations. No rich here: validate stays fast."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from stcli.findings import Finding, Severity, count_by_severity
from stcli.i18n import t

if TYPE_CHECKING:
    from stcli.engine.evaluate import Evaluation

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_DIM = "\x1b[2m"
# cli.md: a finding about the portfolio as a whole names st.yaml (never ".")
PORTFOLIO_FILE = "st.yaml"
_RESET = "\x1b[0m"


def location(finding: Finding) -> str:
    pos = finding.position
    if pos.file is None:
        return PORTFOLIO_FILE  # a finding about the portfolio as a whole (cli.md)
    parts = [pos.file]
    if pos.line is not None:
        parts.append(str(pos.line))
        if pos.column is not None:
            parts.append(str(pos.column))
    return ":".join(parts)


def line(finding: Finding, lang: str, color: bool = False) -> str:
    """`file:line:col: severity CODE name: message (hint)` — the severity word stays English
    so that editors and CI can parse it in either language."""
    severity = finding.effective_severity
    message = finding.message.render(lang)
    if finding.hint is not None:
        message += f" ({t('hint.prefix', lang)}: {finding.hint.render(lang)})"
    label = severity.value
    if color:
        label = f"{_COLORS[severity]}{label}{_RESET}"
    return f"{location(finding)}: {label} {finding.code} {finding.name}: {message}"


def _context(evaluation: Evaluation, finding: Finding, color: bool) -> list[str]:
    pos = finding.position
    if pos.file is None or pos.line is None:
        return []
    text = evaluation.portfolio.texts.get(pos.file)
    if text is None:
        return []
    lines = text.splitlines()
    if not 0 < pos.line <= len(lines):
        return []
    from stcli.i18n import echo

    source = echo(lines[pos.line - 1].replace("\t", " "))
    number = f"{pos.line:>5} | "
    caret = " " * (len(number) - 2) + "| " + " " * max(0, (pos.column or 1) - 1) + "^"
    if color:
        return [f"{_DIM}{number}{_RESET}{source}", f"{_DIM}{caret}{_RESET}"]
    return [number + source, caret]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def in_reading_order(findings: list[Finding]) -> list[Finding]:
    """Errors first (what stops a commit), then warnings, then info; each by file and
    position, findings about the portfolio as a whole first in their group."""
    def key(finding: Finding) -> tuple[int, str, int, int]:
        pos = finding.position
        return (_RANK[finding.effective_severity], pos.file or "", pos.line or 0,
                pos.column or 0)

    return sorted(findings, key=key)


def as_text(evaluation: Evaluation, lang: str, color: bool = False, show_info: bool = False,
            context: bool = False) -> str:
    findings = evaluation.findings
    out: list[str] = []
    for finding in in_reading_order(findings):
        if finding.effective_severity == Severity.INFO and not show_info:
            continue
        out.append(line(finding, lang, color))
        if context:
            out.extend(_context(evaluation, finding, color))
    counts = count_by_severity(findings)
    if counts["error"] == 0 and counts["warning"] == 0:
        out.append(t("validate.clean", lang, files=evaluation.files_read,
                     entries=evaluation.entries, info=counts["info"]))
    else:
        out.append(t("validate.summary", lang, files=evaluation.files_read,
                     entries=evaluation.entries, **counts))
    return "\n".join(out) + "\n"


def finding_dict(finding: Finding, lang: str) -> dict[str, Any]:
    pos = finding.position
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.effective_severity.value,
        "message": finding.message.render(lang),
        "hint": finding.hint.render(lang) if finding.hint else None,
        "file": pos.file or PORTFOLIO_FILE,
        "line": pos.line,
        "column": pos.column,
        "source": finding.source,
    }


def as_json(evaluation: Evaluation, lang: str) -> str:
    document = {
        "portfolio": str(evaluation.root),
        "as_of": evaluation.as_of.isoformat(),
        "regulation": evaluation.regulation,
        "region": evaluation.region,
        "findings": [finding_dict(f, lang) for f in evaluation.findings],
        "counts": count_by_severity(evaluation.findings),
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _escape(value: str, is_property: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def as_github(findings: list[Finding], lang: str) -> str:
    """GitHub Actions workflow commands: annotations on the files in a pull request."""
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    out = []
    for finding in findings:
        pos = finding.position
        props = []
        props.append(f"file={_escape(pos.file or PORTFOLIO_FILE, True)}")
        if pos.line:
            props.append(f"line={pos.line}")
        if pos.column:
            props.append(f"col={pos.column}")
        props.append(f"title={_escape(f'{finding.code} {finding.name}', True)}")
        message = finding.message.render(lang)
        if finding.hint:
            message += f" ({finding.hint.render(lang)})"
        out.append(f"::{levels[finding.effective_severity]} {','.join(props)}::"
                   f"{_escape(message)}\n")
    return "".join(out)
