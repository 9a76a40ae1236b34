"""`st rules` and `st explain`: headings, labels and errors (Swedish, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # st rules
    "explain.rules_title": ("Regler i kraft för", "Rules in force for"),
    "explain.rules_title_national": (
        "Regler med nationella standardvärden (ingen portfölj hittades)",
        "Rules with the national defaults (no portfolio found)",
    ),
    "explain.no_region": ("ingen region", "no region"),
    "explain.col_code": ("kod", "code"),
    "explain.col_name": ("namn", "name"),
    "explain.col_severity": ("nivå", "severity"),
    "explain.col_active": ("på/av", "on/off"),
    "explain.col_source": ("källa", "source"),
    "explain.on": ("på", "on"),
    "explain.off": ("av", "off"),
    "explain.severity.error": ("fel", "error"),
    "explain.severity.warning": ("varning", "warning"),
    "explain.severity.info": ("tips", "info"),
    "explain.rules_footer": (
        "{active} av {total} regler är på. `st explain KOD` visar en regel med parametrar "
        "och källa.",
        "{active} of {total} rules are on. `st explain CODE` shows one rule with its "
        "parameters and source.",
    ),
    # st explain: a rule
    "explain.severity_line": (
        "Nivå: {severity} (satt av {layer})",
        "Severity: {severity} (set by {layer})",
    ),
    "explain.active_on": ("På: ja (satt av {layer})", "Active: yes (set by {layer})"),
    "explain.active_off": ("På: nej (satt av {layer})", "Active: no (set by {layer})"),
    "explain.active_elsewhere": (
        "Slås på av regionpaketet för: {regions}",
        "Switched on by the region pack of: {regions}",
    ),
    "explain.label_source": ("Källa", "Source"),
    "explain.label_confidence": ("Säkerhet", "Confidence"),
    "explain.label_variant": ("Variant", "Variant"),
    "explain.checks": ("Vad regeln kontrollerar:", "What the rule checks:"),
    "explain.params": (
        "Parametrar (värde i kraft, satt av):",
        "Parameters (value in force, set by):",
    ),
    "explain.no_params": ("Parametrar: inga", "Parameters: none"),
    "explain.tool_default_mark": (
        "verktygets eget standardvärde, inte en källas",
        "the tool's own default, not a source's",
    ),
    "explain.tool_defaults_line": (
        "Verktygets egna standardvärden (ingen källa anger dem): {names}",
        "The tool's own defaults (no source states them): {names}",
    ),
    "explain.no_tool_defaults": (
        "Alla standardvärden kommer från källan.",
        "Every default comes from the source.",
    ),
    "explain.change_hint": (
        "Ändra i st.yaml: `rules: {{disable: [{code}]}}`, `rules: {{severity: {{{code}: "
        "info}}}}` eller `rules: {{params: {{{code}: {{namn: värde}}}}}}`.",
        "Change it in st.yaml: `rules: {{disable: [{code}]}}`, `rules: {{severity: {{{code}: "
        "info}}}}` or `rules: {{params: {{{code}: {{name: value}}}}}}`.",
    ),
    "explain.loader_rule": (
        "Rapporteras när filerna läses (före reglerna).",
        "Reported while the files are read (before the rules run).",
    ),
    # layers
    "explain.layer.national": ("nationellt paket", "national pack"),
    "explain.layer.sfam": ("SFAM-paketet", "SFAM pack"),
    "explain.layer.region": ("regionpaketet {name}", "region pack {name}"),
    "explain.layer.user_pack": ("eget paket {name}", "user pack {name}"),
    "explain.layer.st_yaml": ("st.yaml", "st.yaml"),
    # st explain: a delmål
    "explain.delmal_title": ("Delmål {code}", "Delmål {code}"),
    "explain.delmal_regulation": (
        "Föreskrift: {regulation} (delmålskatalog {version})",
        "Regulation: {regulation} (delmål catalog {version})",
    ),
    "explain.delmal_group": ("Grupp: {group}", "Group: {group}"),
    "explain.delmal_requires": (
        "Kräver (alla grupper, någon aktivitet per grupp)",
        "Requires (every group, any one activity per group)",
    ),
    "explain.delmal_requires_none": ("Kräver: inget angivet", "Requires: nothing stated"),
    "explain.delmal_or": ("eller", "or"),
    "explain.delmal_note": ("Not", "Note"),
    "explain.delmal_corrected": (
        "Rättat av {by}: värdena ovan är portföljens egna, inte paketets.",
        "Corrected by {by}: the values above are the portfolio's own, not the pack's.",
    ),
    "explain.delmal_added": (
        "Tillagt av {by}: delmålet finns inte i paketet.",
        "Added by {by}: the delmål is not in the pack.",
    ),
    "explain.delmal_pack_value": ("paketet", "pack"),
    "explain.delmal_now_value": ("nu", "now"),
    "explain.delmal_other_regulation": (
        "Obs: koden hör till {regulation}, inte portföljens föreskrift.",
        "Note: the code belongs to {regulation}, not the portfolio's regulation.",
    ),
    "explain.activity.klinisk_tjanstgoring": (
        "klinisk tjänstgöring", "clinical service"),
    "explain.activity.klinisk_tjanstgoring_primarvard": (
        "klinisk tjänstgöring i primärvård", "clinical service in primary care"),
    "explain.activity.kurs": ("kurs", "course"),
    "explain.activity.kvalitetsarbete": (
        "kvalitets- och utvecklingsarbete", "quality and development work"),
    "explain.activity.vetenskapligt_arbete": (
        "vetenskapligt arbete", "scientific work"),
    "explain.activity.auskultation": ("auskultation", "auskultation (observation)"),
    "explain.activity.eget_intyg": (
        "eget intyg (STa3)", "its own certificate (STa3)"),
    # errors
    "explain.unknown_code": (
        "okänd kod `{code}`: varken en regel eller ett delmål",
        "unknown code `{code}`: neither a rule nor a delmål",
    ),
    "explain.did_you_mean": ("menade du `{value}`?", "did you mean `{value}`?"),
    "explain.see_rules": (
        "`st rules` listar alla regelkoder",
        "`st rules` lists every rule code",
    ),
}
