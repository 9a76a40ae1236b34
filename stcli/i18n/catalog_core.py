"""Messages of the loader, the data rules and the command line: (Swedish, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # loader: files
    "load.link_outside": (
        "`{path}` är en länk som leder utanför portföljen och läses inte",
        "`{path}` is a link leading outside the portfolio and is not read",
    ),
    "load.too_large": (
        "`{path}` är {size_mb} MB; st läser högst {limit_mb} MB per fil",
        "`{path}` is {size_mb} MB; st reads at most {limit_mb} MB per file",
    ),
    "load.not_a_file": (
        "`{path}` är ingen vanlig fil och läses inte",
        "`{path}` is not a regular file and is not read",
    ),
    "load.unreadable": (
        "`{path}` kan inte läsas: {reason}",
        "`{path}` cannot be read: {reason}",
    ),
    "load.not_utf8": (
        "`{path}` är inte UTF-8-text; spara filen som UTF-8",
        "`{path}` is not UTF-8 text; save the file as UTF-8",
    ),
    "load.binary": (
        "`{path}` innehåller binära data (NUL-tecken) och läses inte",
        "`{path}` holds binary data (NUL characters) and is not read",
    ),
    "load.yaml_syntax": (
        "filen är inte giltig YAML: {problem}",
        "the file is not valid YAML: {problem}",
    ),
    "load.hint_tabs": (
        "YAML tillåter inte tabbar för indrag: använd mellanslag",
        "YAML does not allow tabs for indentation: use spaces",
    ),
    "load.hint_colon": (
        "sätt citattecken runt text som innehåller `: `, eller ett mellanslag efter kolon",
        "quote text that contains `: `, or put a space after the colon",
    ),
    "load.hint_one_document": (
        "en fil får bara ha ett dokument: ta bort `---` eller dela upp filen",
        "a file may hold only one document: remove `---` or split the file",
    ),
    "load.hint_alias": (
        "ett alias (`*namn`) måste ha ett ankare (`&namn`) före sig",
        "an alias (`*name`) needs an anchor (`&name`) before it",
    ),
    "load.hint_indent": (
        "kontrollera indraget: alla fält i en post ska stå lika långt in",
        "check the indentation: every field of an entry must line up",
    ),
    "load.too_deep": (
        "posten är för djupt nästlad för att läsas",
        "the entry is nested too deeply to be read",
    ),
    "load.too_deep_file": (
        "filen är nästlad djupare än {depth|nivå|nivåer} och läses inte",
        "the file nests deeper than {depth|level|levels} and is not read",
    ),
    "load.too_many_values": (
        "filen har fler än {limit|värde|värden} och läses inte vidare",
        "the file holds more than {limit|value|values} and is not read further",
    ),
    "load.hint_split_file": (
        "dela upp den i flera filer, t.ex. en per år",
        "split it into several files, e.g. one per year",
    ),
    "load.alias_expansion": (
        "filen expanderar alias för långt (alias-bomb?) och läses inte vidare",
        "the file expands aliases too far (an alias bomb?) and is not read further",
    ),
    # loader: structure and values
    "load.not_entries": (
        "en fil i `{kind}/` ska innehålla en post (mappning) eller en lista av poster",
        "a file in `{kind}/` must hold one entry (a mapping) or a list of entries",
    ),
    "load.expected_entry": (
        "en post ska vara en mappning av fält (`nyckel: värde`)",
        "an entry must be a mapping of fields (`key: value`)",
    ),
    "load.expected_mapping": (
        "filen ska vara en mappning av fält (`nyckel: värde`)",
        "the file must be a mapping of fields (`key: value`)",
    ),
    "load.expected_mapping_field": (
        "`{field}` ska vara en mappning av fält (`nyckel: värde`)",
        "`{field}` must be a mapping of fields (`key: value`)",
    ),
    "load.expected_list": ("`{field}` ska vara en lista", "`{field}` must be a list"),
    "load.expected_scalar": (
        "`{field}` ska vara ett enkelt värde, inte en lista eller mappning",
        "`{field}` must be a single value, not a list or mapping",
    ),
    "load.wrong_shape": (
        "`{field}` har fel form: ett id eller en mappning med `name:`",
        "`{field}` has the wrong shape: an id or a mapping with `name:`",
    ),
    "load.key_not_text": ("en nyckel måste vara text", "a key must be text"),
    "load.duplicate_key": (
        "nyckeln `{key}` förekommer två gånger (först på rad {first_line})",
        "the key `{key}` appears twice (first on line {first_line})",
    ),
    "load.unknown_field": ("okänt fält `{key}`", "unknown field `{key}`"),
    "load.missing_field": ("fältet `{field}` saknas", "the field `{field}` is missing"),
    "load.missing_value": ("fältet `{field}` saknar värde", "the field `{field}` has no value"),
    "load.empty_text": ("`{field}` får inte vara tomt", "`{field}` must not be empty"),
    "load.bad_identifier": (
        "`{field}`: `{value}` är inget giltigt id",
        "`{field}`: `{value}` is not a valid id",
    ),
    "load.unknown_word": (
        "`{field}`: `{value}` är inget känt värde",
        "`{field}`: `{value}` is not a known value",
    ),
    "load.not_a_date": (
        "`{field}`: `{value}` är inget datum",
        "`{field}`: `{value}` is not a date",
    ),
    "load.impossible_date": (
        "`{field}`: datumet `{value}` finns inte",
        "`{field}`: the date `{value}` does not exist",
    ),
    "load.not_a_bool": (
        "`{field}`: `{value}` är varken true eller false",
        "`{field}`: `{value}` is neither true nor false",
    ),
    "load.not_an_int": (
        "`{field}`: `{value}` är inget heltal",
        "`{field}`: `{value}` is not a whole number",
    ),
    "load.not_a_number": (
        "`{field}`: `{value}` är inget tal",
        "`{field}`: `{value}` is not a number",
    ),
    "load.out_of_range": (
        "`{field}`: `{value}` ligger utanför det tillåtna intervallet {low}–{high}",
        "`{field}`: `{value}` is outside the allowed range {low}–{high}",
    ),
    # hints
    "hint.did_you_mean": ("menade du `{value}`?", "did you mean `{value}`?"),
    "hint.valid_keys": ("giltiga fält: {keys}", "valid fields: {keys}"),
    "hint.valid_values": ("giltiga värden: {values}", "valid values: {values}"),
    "hint.date_format": ("skriv datum som ÅÅÅÅ-MM-DD", "write dates as YYYY-MM-DD"),
    "hint.year_only_in_training": (
        "ett år ensamt godtas bara i `training`; skriv hela datumet, t.ex. {year}-12-31",
        "a year alone is accepted only in `training`; write the whole date, e.g. {year}-12-31",
    ),
    "hint.date_exists": (
        "kontrollera dag och månad (ÅÅÅÅ-MM-DD)",
        "check the day and month (YYYY-MM-DD)",
    ),
    "hint.bool": ("skriv true eller false", "write true or false"),
    "hint.minutes": (
        "skriv tiden i hela minuter, t.ex. 90 i stället för 1:30",
        "write the time in whole minutes, e.g. 90 instead of 1:30",
    ),
    "hint.whole_number": ("skriv ett heltal, t.ex. 60", "write a whole number, e.g. 60"),
    "hint.decimal_point": (
        "använd decimalpunkt, t.ex. 62.5",
        "use a decimal point, e.g. 62.5",
    ),
    "hint.identifier": (
        "ett id får innehålla bokstäver a–z, siffror, `-`, `_` och `.`",
        "an id may hold the letters a–z, digits, `-`, `_` and `.`",
    ),
    # command line
    "cli.no_portfolio": (
        "Ingen portfölj hittades: ingen st.yaml i {path} eller någon mapp ovanför. "
        "Skapa en med `st init`.",
        "No portfolio found: no st.yaml in {path} or any folder above. "
        "Create one with `st init`.",
    ),
    "cli.bad_date": (
        "`{value}` är inget datum: skriv ÅÅÅÅ-MM-DD",
        "`{value}` is not a date: write YYYY-MM-DD",
    ),
    "cli.bad_format": (
        "okänt format `{value}`: välj {choices}",
        "unknown format `{value}`: choose {choices}",
    ),
    "validate.clean": (
        "✓ {files|fil|filer}, {entries|post|poster}: inga fel eller varningar ({info} info)",
        "✓ {files|file|files}, {entries|entry|entries}: no errors or warnings ({info} info)",
    ),
    "validate.summary": (
        "{files|fil|filer}, {entries|post|poster}: {error} fel, "
        "{warning|varning|varningar}, {info} info",
        "{files|file|files}, {entries|entry|entries}: {error|error|errors}, "
        "{warning|warning|warnings}, {info} info",
    ),
    "severity.error": ("fel", "error"),
    "severity.warning": ("varning", "warning"),
    "severity.info": ("info", "info"),
    "hint.prefix": ("förslag", "hint"),
}

MESSAGES.update({
    "engine.rule_failed": (
        "regeln {code} kunde inte köras ({error}); rapportera gärna felet",
        "the rule {code} could not run ({error}); please report the bug",
    ),
    "settings.unknown_code": ("okänd regelkod `{code}`", "unknown rule code `{code}`"),
    "settings.unknown_param": (
        "regeln {code} har ingen parameter `{param}`",
        "the rule {code} has no parameter `{param}`",
    ),
    "settings.param_type": (
        "parametern `{param}` för {code} har fel typ",
        "the parameter `{param}` of {code} has the wrong type",
    ),
    "settings.cannot_disable": (
        "{code} skyddar mot patientdata och kan inte stängas av eller sänkas",
        "{code} guards against patient data and cannot be disabled or lowered",
    ),
    "settings.bad_pack": (
        "regelpaketet `{path}` kan inte läsas: {reason}",
        "the rule pack `{path}` cannot be read: {reason}",
    ),
})
