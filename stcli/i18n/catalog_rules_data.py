"""Data (D) and privacy (P) rules: messages, hints and `st explain` texts."""

MESSAGES: dict[str, tuple[str, str]] = {
    "rule.D001.doc": (
        "Filen måste vara giltig YAML. Positionen är där tolken gav upp.",
        "The file must be valid YAML. The position is where the parser gave up.",
    ),
    "rule.D002.doc": (
        "En nyckel får bara förekomma en gång i samma mappning; båda positionerna anges.",
        "A key may appear only once in a mapping; both positions are named.",
    ),
    "rule.D003.doc": (
        "Fält som formatet inte känner till är fel, så att felstavningar som `datum:` inte "
        "passerar tyst. Nycklar som börjar med `x_` är dina egna och ignoreras.",
        "Keys the format does not define are errors, so that typos such as `datum:` do not "
        "pass silently. Keys starting with `x_` are your own and are ignored.",
    ),
    "rule.D004.doc": (
        "Fel typ, omöjliga datum (2025-02-30) och ord utanför vokabulären; närmaste giltiga "
        "värde föreslås.",
        "Wrong types, impossible dates (2025-02-30) and words outside the vocabulary; the "
        "nearest valid value is suggested.",
    ),
    "rule.D005.doc": ("Ett obligatoriskt fält saknas.", "A required field is missing."),
    "rule.D006.doc": (
        "`end` före `start`, eller `employment`/`patient_list` som inte står i datumordning.",
        "`end` before `start`, or `employment`/`patient_list` not in date order.",
    ),
    "rule.D006.end_before_start": (
        "slutdatum {end} ligger före startdatum {start}",
        "the end {end} is before the start {start}",
    ),
    "rule.D006.steps_out_of_order": (
        "`{field}` ska stå i datumordning: {day} kommer efter {previous}",
        "`{field}` must be in date order: {day} comes after {previous}",
    ),
    "rule.D006.employment_after_start": (
        "första steget i `employment` ({day}) ligger efter ST-starten {start}",
        "the first `employment` step ({day}) is after the ST start {start}",
    ),
    "rule.D007.doc": (
        "En delmålskod som inte finns i portföljens föreskrift (t.ex. STc1 i en "
        "SOSFS 2015:8-portfölj).",
        "A delmål code not in the portfolio's regulation (e.g. STc1 in a SOSFS 2015:8 "
        "portfolio).",
    ),
    "rule.D007.unknown": (
        "delmålet `{code}` finns inte i {regulation}",
        "the delmål `{code}` does not exist in {regulation}",
    ),
    "rule.D007.did_you_mean": ("menade du `{value}`?", "did you mean `{value}`?"),
    "rule.D008.doc": (
        "En handledare eller bedömare som anges med id måste finnas under `supervisors:` "
        "i st.yaml.",
        "A supervisor or assessor given by id must be declared under `supervisors:` in "
        "st.yaml.",
    ),
    "rule.D008.unknown": (
        "`{value}` finns inte bland handledarna i st.yaml",
        "`{value}` is not among the supervisors in st.yaml",
    ),
    "rule.D008.did_you_mean": ("menade du `{value}`?", "did you mean `{value}`?"),
    "rule.D008.declare": (
        "lägg till handledaren med `st add supervisor` (under `supervisors:` i st.yaml)",
        "add the supervisor with `st add supervisor` (under `supervisors:` in st.yaml)",
    ),
    "rule.D009.doc": (
        "Placeringar på vårdcentral och sidotjänstgöringar som delar dagar får tillsammans "
        "inte överstiga tjänstgöringsgraden. En placering utan `percent` tar hela. "
        "Auskultation får överlappa.",
        "Vårdcentral and sidotjänstgöring placements sharing days may not add up to more "
        "than the employment percent. A placement without `percent` takes all of it. "
        "Auskultation may overlap.",
    ),
    "rule.D009.overlap": (
        "placeringen överlappar {other} den {day}: {total} % mot tjänstgöringsgraden "
        "{employment} % (ange `percent` på båda vid delad tjänstgöring)",
        "the placement overlaps {other} on {day}: {total} % against the employment of "
        "{employment} % (give both a `percent` for split service)",
    ),
    "rule.D010.doc": (
        "Ett handledningstillfälle eller en bedömning daterad efter det datum portföljen bedöms "
        "per, oftast "
        "fel år.",
        "A supervision session or assessment dated after the as-of date, usually a wrong "
        "year.",
    ),
    "rule.D010.supervision": (
        "handledningen är daterad {day}, efter {as_of}",
        "the supervision session is dated {day}, after {as_of}",
    ),
    "rule.D010.assessments": (
        "bedömningen är daterad {day}, efter {as_of}",
        "the assessment is dated {day}, after {as_of}",
    ),
    "rule.D011.doc": (
        "Två poster av samma slag med identiskt innehåll, oftast inklistrade två gånger.",
        "Two entries of the same kind with identical content, usually pasted twice.",
    ),
    "rule.D011.duplicate": (
        "posten är en exakt kopia av den i {first}",
        "the entry is an exact copy of the one at {first}",
    ),
    "rule.D012.doc": (
        "Ingen st.yaml, eller en fil som inte kan läsas: inte UTF-8, för stor, binär, eller "
        "en länk som leder utanför portföljen.",
        "No st.yaml, or a file that cannot be read: not UTF-8, too large, binary, or a link "
        "leading outside the portfolio.",
    ),
    "rule.P001.doc": (
        "Ett personnummer eller samordningsnummer (10 eller 12 siffror, giltigt datum eller "
        "dag+60, giltig kontrollsiffra) var som helst i en fil, även i kommentarer. "
        "Patientuppgifter får aldrig finnas i portföljen. Numret visas maskerat.",
        "A personnummer or samordningsnummer (10 or 12 digits, a valid date or day+60, a "
        "valid check digit) anywhere in a file, comments included. Patient data must never "
        "be in the portfolio. The number is shown masked.",
    ),
    "rule.P001.found": (
        "ett {kind} ({masked}) står i filen",
        "a {kind} ({masked}) stands in the file",
    ),
    "rule.P001.remove": (
        "ta bort numret; om det redan är incheckat, skriv om git-historiken",
        "remove the number; if it is already committed, rewrite the git history",
    ),
}
