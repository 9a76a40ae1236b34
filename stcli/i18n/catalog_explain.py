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
    "explain.severity.info": ("info", "info"),
    "explain.rules_footer": (
        "{active} av {total|regel|regler} är på. `st explain KOD` visar en regel med parametrar "
        "och källa.",
        "{active} of {total|rule|rules} are on. `st explain CODE` shows one rule with its "
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
    "explain.scope_all": (
        "Gäller: alla portföljer ({state})", "Applies: every portfolio ({state})"),
    "explain.scope_regions": ("Gäller:", "Applies:"),
    "explain.scope_no_region": ("utan region", "no region"),
    "explain.source.format": ("st:s portföljformat", "st's portfolio format"),
    "explain.source.format_yaml": ("st:s portföljformat (YAML)", "st's portfolio format (YAML)"),
    "explain.source.format_percent": (
        "st:s portföljformat (tjänstgöringsgrad)", "st's portfolio format (employment percent)"),
    "explain.source.no_patient_data": (
        "st:s portföljformat: en portfölj innehåller inga patientuppgifter",
        "st's portfolio format: a portfolio holds no patient data"),
    "explain.source.delmal_codes": (
        "målbeskrivning allmänmedicin (delmålens koder)",
        "målbeskrivning allmänmedicin (the delmål codes)"),
    "explain.source.forms": (
        "målbeskrivningen; Socialstyrelsens intygsblanketter (ett intyg per aktivitet)",
        "the målbeskrivning; Socialstyrelsen's certificate forms (one per activity)"),
    "explain.source.plan": ("målbeskrivningen", "the målbeskrivning"),
    "explain.source.derived": (
        "härlett ur portföljens egna uppgifter", "derived from the portfolio's own data"),
    "explain.confidence.official": (
        "officiell (Socialstyrelsens text eller blanketter, eller en författning)",
        "official (Socialstyrelsen's text or forms, or a statute)"),
    "explain.confidence.secondary": (
        "en region eller SFAM", "a region or SFAM"),
    "explain.confidence.medium": (
        "medel (en oberoende sammanställning, delvis bekräftad)",
        "medium (one third-party compilation, partly corroborated)"),
    "explain.confidence.unverified": (
        "obekräftad (en enda oberoende sammanställning)",
        "unverified (one third-party compilation only)"),
    "explain.confidence.format": (
        "följer av st:s portföljformat", "follows from st's portfolio format"),
    "explain.confidence.derived": (
        "härledd ur portföljens egna uppgifter", "derived from the portfolio's own data"),
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
    "explain.delmal_specialty": (
        "Den kliniska tjänstgöringen ska ske inom {specialties} (placering eller "
        "auskultation); en period på vårdcentralen räcker inte.",
        "The clinical service must be in {specialties} (a placement or an auskultation); a "
        "period at the vårdcentral does not count.",
    ),
    "explain.delmal_certified_by": (
        "Intyg: {forms}, ett eget intyg för delmålet; alla poster som anger delmålet är "
        "underlag. Ange dagen det skrevs under som en milstolpe `{milestone}`.",
        "Certificate: {forms}, the delmål's own; every entry naming the delmål is evidence. "
        "Record the day it was signed as a milestone `{milestone}`.",
    ),
    "explain.delmal_forms": (
        "Intyg: {forms}, ett påskrivet intyg för varje krav",
        "Certificates: {forms}, a signed one for each requirement",
    ),
    "explain.delmal_c_title": (
        "Titeln är en kort beskrivning: delmålen c har ingen officiell titel, bara sin "
        "kompetenstext.",
        "The title is a short description: the c delmål have no official title, only their "
        "competence text.",
    ),
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
        "självständigt skriftligt arbete enligt vetenskapliga principer",
        "independent written work on scientific principles"),
    "explain.activity.auskultation": ("auskultation", "auskultation (observation)"),
    "explain.activity.eget_intyg": (
        "valfria aktiviteter (eget intyg)", "activities of the trainee's choice (own certificate)"),
    "explain.activity.valfri_aktivitet": ("valfri aktivitet", "any activity"),
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
