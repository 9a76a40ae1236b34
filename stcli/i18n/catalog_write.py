"""Messages of `st init`, `st add` and `st schema`: (Swedish, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "write.unknown_schema": (
        "okänt schema `{value}`; välj bland: {choices}",
        "unknown schema `{value}`; choose from: {choices}",
    ),
    "write.cannot_write": (
        "kan inte skriva `{path}`: {reason}",
        "cannot write `{path}`: {reason}",
    ),
    "write.schema_written": (
        "skrev {path}",
        "wrote {path}",
    ),
}
MESSAGES.update({
    "write.unknown_kind": (
        "okänd sorts post `{value}`; välj bland: {choices}",
        "unknown kind of entry `{value}`; choose from: {choices}",
    ),
    "write.option_not_for_kind": (
        "{option} hör inte till {kind}",
        "{option} does not apply to {kind}",
    ),
    "write.prompt_field": (
        "{field}",
        "{field}",
    ),
    "write.not_written": (
        "posten har fel och skrevs inte",
        "the entry has errors and was not written",
    ),
    "write.gained": (
        "portföljen skulle få {count} nya fynd:",
        "the portfolio would gain {count|new finding|new findings}:",
    ),
    "write.dry_run": (
        "provkörning: inget skrevs (skulle ha lagts till i {path})",
        "dry run: nothing written (would have been added to {path})",
    ),
    "write.added": (
        "lade till posten i {path} (rad {line})",
        "added the entry to {path} (line {line})",
    ),
    "write.created": (
        "skapade {path} med posten",
        "created {path} with the entry",
    ),
    "write.outside_kind": (
        "`{path}` ligger inte i mappen {kind}/ eller är ingen .yaml-fil",
        "`{path}` is not inside the folder {kind}/ or is not a .yaml file",
    ),
    "write.not_a_file": (
        "`{path}` är ingen vanlig fil",
        "`{path}` is not a regular file",
    ),
    "write.unreadable": (
        "`{path}` kan inte läsas som YAML; rätta filen först (st validate)",
        "`{path}` cannot be read as YAML; fix the file first (st validate)",
    ),
    "write.single_entry": (
        "`{path}` håller en enda post (ingen lista); välj en annan fil med --file",
        "`{path}` holds a single entry (not a list); choose another file with --file",
    ),
    "write.not_a_list": (
        "`{path}` håller ingen lista med poster",
        "`{path}` does not hold a list of entries",
    ),
    "write.flow_list": (
        "`{path}` skriver listan inom [ ]; st lägger bara till i listor med `- `",
        "`{path}` writes its list inside [ ]; st appends only to lists written with `- `",
    ),
    "write.not_appendable": (
        "posten kan inte läggas till sist i `{path}` utan att ändra filen; använd --file",
        "the entry cannot be appended to `{path}` without changing the file; use --file",
    ),
})
MESSAGES.update({
    "write.init_exists": (
        "här finns redan en portfölj ({path}); st init skriver inte över den",
        "a portfolio exists here already ({path}); st init does not overwrite it",
    ),
    "write.init_bad_value": (
        "ogiltigt värde för {option}: `{value}`",
        "invalid value for {option}: `{value}`",
    ),
    "write.init_missing": (
        "{option} behövs (eller kör st init i en terminal för att få frågor)",
        "{option} is needed (or run st init in a terminal to be asked)",
    ),
    "write.ask_trainee": ("Ditt namn (som på ansökan)", "Your name (as on the application)"),
    "write.ask_regulation": ("Föreskrift", "Regulation"),
    "write.ask_region": ("Region", "Region"),
    "write.ask_start": ("Första dagen av ST (ÅÅÅÅ-MM-DD)", "First day of ST (YYYY-MM-DD)"),
    "write.ask_home_unit": ("Din vårdcentral", "Your vårdcentral (home unit)"),
    "write.ask_supervisor_id": (
        "Huvudhandledarens id, ett kort namn som anna",
        "Main supervisor's id, a short name such as anna",
    ),
    "write.init_no_supervisor": (
        "lägg till din handledare när du vet vem det blir: st add supervisor",
        "add your supervisor once you know who it is: st add supervisor",
    ),
    "write.ask_supervisor_name": ("Huvudhandledarens namn", "Main supervisor's name"),
    "write.no_git": (
        "git hittades inte: portföljen skapades utan git-förråd",
        "git was not found: the portfolio was created without a git repository",
    ),
    "write.init_done": (
        "skapade portföljen i {path}; kör `st validate` och `pre-commit install`",
        "created the portfolio in {path}; run `st validate` and `pre-commit install`",
    ),
})
