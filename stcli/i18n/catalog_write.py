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
