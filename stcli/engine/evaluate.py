"""The pipeline: load → settings and catalog → progress (once) → rules → configured findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from stcli.engine.catalog import DelmalCatalog, load_catalog
from stcli.engine.progress import Progress, compute_progress
from stcli.engine.settings import RuleSetting, base_settings, resolve_settings
from stcli.findings import Finding, Msg, Severity
from stcli.load import load
from stcli.portfolio import Portfolio
from stcli.rules import Rule, RuleContext, all_rules
from stcli.signoff import read_signoffs

if TYPE_CHECKING:
    from stcli.engine.whatif import LeaveMoves


@dataclass()
class Evaluation:
    root: Path
    as_of: dt.date
    portfolio: Portfolio
    findings: list[Finding]
    settings: dict[str, RuleSetting]
    catalog: DelmalCatalog | None = None
    progress: Progress | None = None
    files_read: int = 0
    entries: int = 0
    language: str | None = field(default=None)
    # What the next planned leave moves (`st status` fills it in; engine/whatif.py)
    next_leave: LeaveMoves | None = None

    @property
    def regulation(self) -> str | None:
        profile = self.portfolio.profile
        return profile.value.regulation if profile else None

    @property
    def region(self) -> str | None:
        profile = self.portfolio.profile
        return profile.value.region if profile else None


def evaluate(root: Path, as_of: dt.date, overlay: dict[str, bytes] | None = None
             ) -> Evaluation:
    """`overlay`: relative path -> bytes read instead of the file's (see `load`)."""
    loaded = load(root, overlay)
    portfolio = loaded.portfolio
    # Sign-offs (git tags st/arsgenomgang-N, rule M014) of the files as loaded; git runs
    # only when the repository has such a tag. Signatures are verified by the commands.
    portfolio.signoffs = read_signoffs(Path(portfolio.root), portfolio)
    return evaluate_loaded(portfolio, as_of, loaded.findings, loaded.files_read)


def evaluate_loaded(portfolio: Portfolio, as_of: dt.date, load_findings: list[Finding],
                    files_read: int = 0) -> Evaluation:
    """The pipeline after loading: `st plan` runs it on the loaded portfolio and on the
    same portfolio with hypothetical entries added in memory."""
    findings = list(load_findings)
    located = portfolio.profile
    if located is None:
        settings = base_settings(None)
    else:
        settings, setting_findings = resolve_settings(Path(portfolio.root), located)
        findings.extend(setting_findings)
    entries = sum(len(portfolio.entries(kind)) for kind in _KINDS)
    evaluation = Evaluation(Path(portfolio.root), as_of, portfolio, findings, settings,
                            files_read=files_read, entries=entries)
    rules = all_rules()
    if located is not None:
        profile = located.value
        evaluation.language = profile.language
        catalog = load_catalog(profile.regulation, profile, Path(portfolio.root))
        progress = compute_progress(portfolio, profile, as_of, settings, catalog)
        evaluation.catalog, evaluation.progress = catalog, progress
        for code, rule in rules.items():
            setting = settings.get(code)
            if rule.check is None or setting is None or not setting.active:
                continue
            context = RuleContext(code, portfolio, profile, progress, catalog, setting, as_of)
            try:
                findings.extend(rule.check(context))
            except Exception as error:
                findings.append(Finding(code, Msg("engine.rule_failed", {
                    "code": code, "error": type(error).__name__}), severity=Severity.ERROR))
    else:
        # Without a profile only the rules that need none can run (patient data first).
        for code, rule in rules.items():
            setting = settings.get(code)
            if rule.check is not None and not rule.needs_profile and setting and setting.active:
                context = RuleContext(code, portfolio, None, None, None,  # type: ignore[arg-type]
                                      setting, as_of)
                findings.extend(rule.check(context))
    evaluation.findings = configure(findings, settings, rules)
    return evaluation


_KINDS = ("placements", "supervision", "assessments", "courses", "leave", "activities",
          "milestones")


PACK_LAYERS = frozenset({"national", "sfam", "vgr", "gavleborg", "vastmanland"})


def configure(findings: list[Finding], settings: dict[str, RuleSetting],
              rules: dict[str, Rule]) -> list[Finding]:
    """Severity, name and source from the settings in force; inactive rules' findings dropped.

    A rule may set its own severity (G001 warns within 12 months of completion); a severity
    the trainee chose (st.yaml or their own pack) still wins, so any rule can be quieted.
    """
    configured = []
    for finding in findings:
        setting = settings.get(finding.code)
        rule = rules.get(finding.code)
        name = finding.name or (rule.name if rule else "")
        if setting is None:
            configured.append(finding._replace(severity=finding.severity or Severity.ERROR,
                                      name=name))
            continue
        if not setting.active:
            continue
        chosen_by_user = setting.origin.get("severity") not in PACK_LAYERS
        if finding.severity is None:
            severity = setting.severity
        elif finding.severity == Severity.INFO and chosen_by_user:
            # A progress line the rule itself calls info ("4 assessments so far") stays info
            # when the trainee raises the rule; only lowering applies to it.
            severity = Severity.INFO
        else:
            severity = setting.severity if chosen_by_user else finding.severity
        configured.append(finding._replace(severity=severity, name=name,
                                  source=finding.source or setting.source))
    configured.sort(key=Finding.sort_key)
    return configured
