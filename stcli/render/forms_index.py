"""The index of `st forms`: each bilaga, its delmål, its signer and whether the portfolio
says it is signed, as Markdown and as self-contained HTML.

The rows are words already (chosen in `index_rows`); the templates `forms_index.md.j2` and
`forms_index.html.j2` lay them out. Markdown output escapes every value as portfolio text
(`md_escape`), HTML autoescapes; identity numbers are masked in both, although none is
ever passed here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from stcli.i18n import t

if TYPE_CHECKING:
    from stcli.forms.plan import Plan, PlannedForm


def index_rows(forms: list[PlannedForm], lang: str) -> list[dict[str, Any]]:
    rows = []
    for form in forms:
        number = (str(form.attachment) if form.attachment is not None
                  else t("forms.index.application", lang))
        subject = form.subject
        if form.copy:
            subject += f" ({t('forms.index.copy', lang, n=form.copy[0], of=form.copy[1])})"
        rows.append({
            "application": form.application,
            "number": number,
            "form": f"Bilaga {form.number}: {form.title}",
            "subject": subject,
            "delmal": ", ".join(form.delmal),
            "signer": ", ".join(p.shown(lang) for p in form.signers),
            "signed": t(f"forms.index.signed.{form.signed}", lang),
            "file": form.filename,
        })
    return rows


def render_index(plan: Plan, forms: list[PlannedForm], fmt: str, lang: str,
                 as_of: dt.date) -> str:
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment
    from markupsafe import Markup

    from stcli.pii import mask_identity_numbers
    from stcli.render.report import md_escape, packaged_templates

    def finalize(value: Any) -> Any:
        if isinstance(value, Markup) or value is None:
            return value
        text = mask_identity_numbers(str(value))
        return md_escape(text, line_start=False) if fmt == "md" else text

    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(packaged_templates())),
        undefined=jinja2.StrictUndefined, autoescape=fmt == "html", finalize=finalize,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    def own(text: str) -> Markup:
        """Our own words: Markdown as written (only a table's `|` escaped), HTML escaped."""
        from markupsafe import escape

        return Markup(text.replace("|", "\\|")) if fmt == "md" else escape(text)

    rows = index_rows(forms, lang)
    sections = []
    for application in ("bt", "st"):
        mine = [row for row in rows if row["application"] == application]
        if mine:
            sections.append({"title": own(t(f"forms.index.{application}", lang)),
                             "rows": mine})
    columns = {name: own(t(f"forms.index.col.{name}", lang))
               for name in ("number", "form", "subject", "delmal", "signer", "signed", "file")}
    template = env.get_template(f"forms_index.{fmt}.j2")
    return template.render(
        lang=lang,
        title=own(t("forms.index.title", lang)),
        intro=own(t("forms.index.intro", lang, day=as_of, regulation=plan.regulation)),
        sections=sections,
        columns=columns,
        notes_title=own(t("forms.index.notes", lang)),
        notes=[own(t(key, lang)) for key in plan.notes],
    )
