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
        "the portfolio would gain {count} new findings:",
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
