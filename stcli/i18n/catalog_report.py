"""Messages of `st report` (annual and final reports): (Swedish, English).

Keys are `report.<name>`; templates call `t('<name>')`. Vocabulary labels are
`report.v.<group>.<value>`, read by the templates' `label(group, value)`.
"""

_VOCABULARY: dict[str, dict[str, tuple[str, str]]] = {
    "placement_type": {
        "vardcentral": ("Vårdcentral", "Primary care unit"),
        "sidotjanstgoring": ("Sidotjänstgöring", "Side placement"),
        "auskultation": ("Auskultation", "Auskultation (observation)"),
    },
    "specialty": {
        "allmanmedicin": ("allmänmedicin", "general practice"),
        "internmedicin": ("internmedicin", "internal medicine"),
        "psykiatri": ("psykiatri", "psychiatry"),
        "beroende": ("beroendemedicin", "addiction medicine"),
        "barn-och-ungdomsmedicin": ("barn- och ungdomsmedicin", "paediatrics"),
        "akut-barnsjukvard": ("akut barnsjukvård", "paediatric emergency care"),
        "barn-och-ungdomspsykiatri": ("barn- och ungdomspsykiatri",
                                      "child and adolescent psychiatry"),
        "gynekologi": ("gynekologi", "gynaecology"),
        "obstetrik": ("obstetrik", "obstetrics"),
        "akutsjukvard": ("akutsjukvård", "emergency medicine"),
        "geriatrik": ("geriatrik", "geriatrics"),
        "dermatologi": ("dermatologi", "dermatology"),
        "oron-nasa-hals": ("öron-, näs- och halssjukdomar", "ear, nose and throat"),
        "ogon": ("ögonsjukdomar", "ophthalmology"),
        "ortopedi": ("ortopedi", "orthopaedics"),
        "rehabilitering": ("rehabiliteringsmedicin", "rehabilitation medicine"),
        "infektion": ("infektionssjukdomar", "infectious diseases"),
        "radiologi": ("radiologi", "radiology"),
        "palliativ-vard": ("palliativ vård", "palliative care"),
        "sabo": ("särskilt boende", "residential care"),
        "bvc": ("barnavårdscentral", "child health centre"),
        "mvc": ("mödravårdscentral", "antenatal clinic"),
        "other": ("annan", "other"),
    },
    "leave": {
        "foraldraledighet": ("Föräldraledighet", "Parental leave"),
        "tjanstledighet": ("Tjänstledighet", "Leave of absence"),
        "sjukskrivning": ("Sjukskrivning", "Sick leave"),
        "vab": ("Vård av barn", "Care of a sick child"),
        "semester": ("Semester", "Vacation"),
        "flex": ("Flex", "Flexitime"),
        "jourkomp": ("Jourkompensation", "On-call compensation"),
        "other": ("Annan ledighet", "Other leave"),
    },
    "activity": {
        "kvalitetsarbete": ("Kvalitetsarbete", "Quality improvement"),
        "vetenskapligt-arbete": ("Vetenskapligt arbete", "Scientific work"),
        "st-dag": ("ST-dag", "ST day"),
        "seminarium": ("Seminarium", "Seminar"),
        "reflektionsgrupp": ("Reflektionsgrupp", "Reflection group"),
        "konferens": ("Konferens", "Conference"),
        "undervisning": ("Undervisning", "Teaching"),
        "jour": ("Jour", "On call"),
        "beredskap": ("Beredskap", "Standby duty"),
        "other": ("Annan aktivitet", "Other activity"),
    },
    "milestone": {
        "startseminarium": ("Startseminarium", "Starting seminar"),
        "iup": ("IUP", "Individual training plan (IUP)"),
        "iup-revision": ("IUP reviderad", "IUP revised"),
        "st-kontrakt": ("ST-kontrakt", "ST contract"),
        "arsrapport": ("Årsrapport", "Annual report"),
        "handledarutlatande": ("Handledarutlåtande", "Supervisor's statement"),
        "studierektorsmote": ("Möte med studierektor", "Meeting with the director of studies"),
        "arsuppfoljning": ("Årsuppföljning", "Annual follow-up"),
        "mitt-i-st-anmalan": ("Anmälan till Mitt-i-ST", "Registration for Mitt-i-ST"),
        "mitt-i-st": ("Mitt-i-ST", "Mitt-i-ST"),
        "slutvardering": ("Slutvärdering", "Final evaluation"),
        "specialistexamen": ("Specialistexamen", "Specialist examination"),
        "bt-intyg": ("Intyg om godkänd bastjänstgöring",
                     "BT certificate (intyg om godkänd bastjänstgöring)"),
        "specialistansokan": ("Ansökan om specialistbevis", "Application for the specialist "
                                                            "certificate"),
    },
    "method": {
        "mini-cex": ("Mini-CEX", "Mini-CEX"),
        "dops": ("DOPS", "DOPS"),
        "cbd": ("CbD", "CbD"),
        "medsittning": ("Medsittning", "Observed consultation"),
        "video": ("Videoinspelning", "Video recording"),
        "journalgranskning": ("Journalgranskning", "Record review"),
        "remissgranskning": ("Remissgranskning", "Referral review"),
        "intygsgranskning": ("Intygsgranskning", "Certificate review"),
        "msf": ("MSF (360°)", "MSF (360°)"),
        "specialistkollegium": ("Specialistkollegium", "Specialist panel"),
        "forst-i-st": ("Först i ST", "Först i ST"),
        "other": ("Annan metod", "Other method"),
    },
    "certificate": {
        "none": ("saknas", "missing"),
        "requested": ("begärt", "requested"),
        "signed": ("signerat", "signed"),
    },
    "status": {
        "planned": ("planerad", "planned"),
        "ongoing": ("pågår", "ongoing"),
        "done": ("klar", "done"),
    },
    "form": {
        "individual": ("enskild", "individual"),
        "group": ("grupp", "group"),
        "distance": ("på distans", "remote"),
        "bedside": ("bedside", "bedside"),
    },
    "activity_type": {
        "klinisk_tjanstgoring": ("klinisk tjänstgöring", "clinical service"),
        "klinisk_tjanstgoring_primarvard": ("klinisk tjänstgöring i primärvård",
                                            "clinical service in primary care"),
        "kurs": ("kurs", "course"),
        "kvalitetsarbete": ("kvalitets- och utvecklingsarbete",
                            "quality and development work"),
        "vetenskapligt_arbete": ("skriftligt arbete enligt vetenskapliga principer",
                                 "written work on scientific principles"),
        "auskultation": ("auskultation", "auskultation"),
        "eget_intyg": ("eget intyg (STa3)", "its own certificate (STa3)"),
    },
    "region": {
        "vgr": ("Västra Götalandsregionen", "Västra Götaland"),
        "gavleborg": ("Region Gävleborg", "Region Gävleborg"),
        "vastmanland": ("Region Västmanland", "Region Västmanland"),
    },
}

MESSAGES: dict[str, tuple[str, str]] = {
    f"report.v.{group}.{value}": pair
    for group, values in _VOCABULARY.items()
    for value, pair in values.items()
}

MESSAGES.update({
    # command line
    "report.cli.kind": (
        "ange --annual eller --final (en av dem)",
        "give --annual or --final (one of them)",
    ),
    "report.cli.year_without_annual": (
        "--year gäller bara --annual",
        "--year applies to --annual only",
    ),
    "report.cli.no_profile": (
        "st.yaml kan inte läsas, så ingen rapport kan göras; kör `st validate` först",
        "st.yaml cannot be read, so no report can be made; run `st validate` first",
    ),
    "report.cli.written": ("Rapporten skrevs till", "The report was written to"),
    "report.cli.cannot_write": (
        "kan inte skriva {path}: {reason}",
        "cannot write {path}: {reason}",
    ),
    "report.error.no_such_year": (
        "ST-år {year} finns inte i portföljen: per datum finns ST-år 1–{last}",
        "ST year {year} is not in the portfolio: as of the date there are ST years 1–{last}",
    ),
    "report.error.not_started": (
        "ST har inte börjat per {day}, så det finns inget ST-år att rapportera",
        "ST has not started as of {day}, so there is no ST year to report",
    ),
    "report.error.template_outside": (
        "mallen `{path}` leder utanför portföljen och används inte; lägg mallen som en "
        "vanlig fil i portföljens templates/",
        "the template `{path}` leads outside the portfolio and is not used; put the "
        "template as a regular file in the portfolio's templates/",
    ),
    "report.error.template_unreadable": (
        "mallen `{path}` kan inte läsas: {reason}",
        "the template `{path}` cannot be read: {reason}",
    ),
    "report.error.template": (
        "fel i mallen {name}, rad {line}",
        "error in the template {name}, line {line}",
    ),
    # words
    "report.yes": ("ja", "yes"),
    "report.no": ("nej", "no"),
    "report.or": ("eller", "or"),
    "report.of": ("av", "of"),
    "report.days": ("dagar", "days"),
    "report.months": ("månader", "months"),
    "report.unknown": ("okänt", "unknown"),
    "report.planned": ("planerad", "planned"),
    "report.ongoing": ("pågår", "ongoing"),
    "report.completed": ("avslutat", "completed"),
    "report.ongoing_until": ("pågår, redovisat till {day}", "ongoing, reported up to {day}"),
    "report.course": ("Kurs", "Course"),
    "report.leave": ("Ledighet", "Leave"),
    "report.st_start": ("ST-start", "start of ST"),
    "report.st_year": ("ST-år", "ST year"),
    # a soft hyphen, so that a narrow table cell can break the word
    "report.employment_percent": ("tjänstgörings\u00adgraden", "employment percent"),
    "report.form": ("bilaga {number}", "form {number}"),
    # titles
    "report.annual.title": ("Årsrapport ST-år {year}", "Annual report, ST year {year}"),
    "report.final.title": (
        "Underlag för ansökan om bevis om specialistkompetens",
        "Summary for the application for the specialist certificate",
    ),
    "report.final.intro": (
        "Sammanställningen följer Socialstyrelsens ansökan: tjänstgöringsförteckningen och "
        "för varje delmål underlaget och intygen. Intygen skickas i original; den här "
        "sammanställningen ersätter dem inte.",
        "This summary follows Socialstyrelsen's application: the service list and, for "
        "each delmål, the evidence and its certificates. Certificates are sent as "
        "originals; this summary does not replace them.",
    ),
    "report.field.trainee": ("ST-läkare", "Trainee"),
    "report.field.regulation": ("Föreskrift", "Regulation"),
    "report.field.region": ("Region", "Region"),
    "report.field.home_unit": ("Basenhet", "Home unit"),
    "report.field.st_start": ("ST började", "ST started"),
    "report.field.as_of": ("Per datum", "As of"),
    # sections
    "report.section.time": ("Tjänstgöringstid", "Time served"),
    "report.section.employment": ("Anställning och ledighet", "Employment and leave"),
    "report.section.placements": ("Placeringar", "Placements"),
    "report.section.supervision": ("Handledning", "Supervision"),
    "report.section.assessments": ("Kompetensbedömningar", "Competence assessments"),
    "report.section.courses": ("Kurser", "Courses"),
    "report.section.activities": ("Aktiviteter", "Activities"),
    "report.section.milestones": ("Milstolpar under året", "Milestones of the year"),
    "report.section.delmal_year": (
        "Delmål vid årets början och slut", "Delmål at the start and end of the year"),
    "report.section.findings": ("Öppna fynd", "Open findings"),
    "report.section.plan": ("Plan för nästa år", "Plan for next year"),
    "report.section.signatures": ("Underskrifter", "Signatures"),
    "report.section.service": ("Tjänstgöringsförteckning", "Service list"),
    "report.section.collect": ("Att samla in före ansökan", "To collect before applying"),
    "report.section.delmal_final": ("Delmål och underlag", "Delmål and their evidence"),
    # time
    "report.time.served_year": (
        "Tjänstgjort under ST-året (omräknat till heltid)",
        "Served in the ST year (converted to full time)",
    ),
    "report.time.served_total_year": (
        "Totalt till och med {day}", "In total up to and including {day}"),
    "report.time.served_total_now": (
        "Totalt per {day} (krav)", "In total as of {day} (required)"),
    "report.time.credited": ("Därav tillgodoräknad tid", "Of which credited time"),
    "report.time.remaining": ("Kvar", "Remaining"),
    "report.time.projected": ("Beräknat slutdatum", "Projected completion"),
    "report.time.planned_end": ("planerat", "planned"),
    "report.time.leave_not_counted_year": (
        "Ledighet som inte räknas under ST-året (hela året, planerad ingår)",
        "Leave not counted in the ST year (whole year, planned included)",
    ),
    "report.time.absence_year": (
        "Sjukskrivning och vård av barn under året (räknas)",
        "Sick leave and care of a sick child in the year (counted)",
    ),
    # columns
    "report.col.from": ("Från", "From"),
    "report.col.percent": ("Tjänstgöringsgrad", "Employment"),
    "report.col.leave_kind": ("Ledighet", "Leave"),
    "report.col.period": ("Period", "Period"),
    "report.col.share": ("Andel", "Share"),
    "report.col.counts": ("Räknas som ST-tid", "Counts as ST time"),
    "report.col.note": ("Anteckning", "Note"),
    "report.col.type": ("Placering", "Placement"),
    "report.col.unit": ("Enhet", "Unit"),
    "report.col.supervisor": ("Handledare", "Supervisor"),
    "report.col.delmal": ("Delmål", "Delmål"),
    "report.col.certificate": ("Intyg", "Certificate"),
    "report.col.month": ("Månad", "Month"),
    "report.col.hours": ("Timmar", "Hours"),
    "report.col.after": ("Efter", "After"),
    "report.col.before": ("Före", "Before"),
    "report.col.days": ("Dagar i tjänst", "Days in service"),
    "report.col.date": ("Datum", "Date"),
    "report.col.method": ("Metod", "Method"),
    "report.col.assessor": ("Bedömare", "Assessor"),
    "report.col.focus": ("Fokus", "Focus"),
    "report.col.feedback": ("Återkoppling", "Feedback"),
    "report.col.course": ("Kurs", "Course"),
    "report.col.provider": ("Kursgivare", "Provider"),
    "report.col.mandatory": ("Obligatorisk", "Mandatory"),
    "report.col.kind": ("Slag", "Kind"),
    "report.col.title": ("Titel", "Title"),
    "report.col.status": ("Status", "Status"),
    "report.col.milestone": ("Milstolpe", "Milestone"),
    "report.col.missing": ("Saknar underlag för", "No evidence yet for"),
    "report.col.assessments": ("Bedömningar", "Assessments"),
    "report.col.severity": ("Nivå", "Severity"),
    "report.col.code": ("Regel", "Rule"),
    "report.col.message": ("Fynd", "Finding"),
    "report.col.where": ("Var", "Where"),
    "report.col.source": ("Källa", "Source"),
    "report.col.role": ("Roll", "Role"),
    "report.col.name": ("Namn", "Name"),
    "report.col.signature": ("Underskrift", "Signature"),
    "report.col.place": ("Tjänstgöringsställe", "Place of service"),
    "report.col.period_yymmdd": ("Period (ååmmdd–ååmmdd)", "Period (yymmdd–yymmdd)"),
    "report.col.percent_full": ("Procent av heltid", "Percent of full time"),
    "report.col.months_full": (
        "Antal månader omräknat till heltid", "Months converted to full time"),
    "report.col.evidence": ("Underlag", "Evidence"),
    "report.col.form": ("Intygsblankett", "Certificate form"),
    # empty sections
    "report.none.leave": ("Ingen ledighet under året.", "No leave in the year."),
    "report.none.placements": ("Inga placeringar under året.", "No placements in the year."),
    "report.none.courses": ("Inga kurser under året.", "No courses in the year."),
    "report.none.activities": ("Inga aktiviteter under året.", "No activities in the year."),
    "report.none.milestones": ("Inga milstolpar under året.", "No milestones in the year."),
    # supervision
    "report.supervision.sessions": ("Tillfällen", "Sessions"),
    "report.supervision.hours": ("Timmar", "Hours"),
    "report.supervision.weeks": (
        "Veckor i tjänst (i Gävleborg utanför sommarperioden, 15 juni–15 augusti)",
        "Weeks in service (in Gävleborg outside the summer period, 15 June–15 August)"),
    "report.supervision.per_week": (
        "Minuter per vecka i tjänst (minst 60)", "Minutes per week in service (at least 60)"),
    "report.supervision.forms": ("Former", "Forms"),
    "report.supervision.per_month": ("Handledning per månad (timmar)",
                                     "Supervision per month (hours)"),
    "report.supervision.per_year": ("Handledning per ST-år (timmar)",
                                    "Supervision per ST year (hours)"),
    "report.supervision.gaps": (
        "Uppehåll i handledningen på mer än {days|dag|dagar} i tjänst:",
        "Breaks in supervision of more than {days|day|days} in service:",
    ),
    "report.supervision.no_gaps": (
        "Inga uppehåll i handledningen på mer än {days|dag|dagar} i tjänst.",
        "No break in supervision of more than {days|day|days} in service.",
    ),
    # assessments
    "report.assessments.count": (
        "{count|bedömning|bedömningar} under året (minst {minimum}).",
        "{count|assessment|assessments} in the year (at least {minimum}).",
    ),
    "report.assessments.methods": ("Metoder", "Methods"),
    # delmål
    "report.delmal.summary": (
        "Delmål med underlag för alla krav: {complete_start} vid årets början, "
        "{complete_end} vid årets slut, av {total}. Intygade (påskrivet intyg för varje "
        "krav): {certified_start} respektive {certified_end}.",
        "Delmål with evidence for every requirement: {complete_start} at the start of the "
        "year, {complete_end} at its end, of {total}. Certified (a signed certificate for "
        "every requirement): {certified_start} and {certified_end}.",
    ),
    "report.delmal.at": ("Per {day}", "As of {day}"),
    "report.delmal.legend": (
        "Uppfyllda krav av antal krav (klinisk tjänstgöring, kurs …); ✓: varje krav har "
        "påskrivet intyg; ↑: nytt underlag, intyg eller bedömning under året.",
        "Requirements with evidence of all requirements (clinical service, course …); "
        "✓: every requirement has a signed certificate; ↑: new evidence, certificate or "
        "assessment in the year.",
    ),
    "report.delmal.coverage": ("Delmål: krav med underlag", "Delmål: requirements with evidence"),
    "report.delmal.final_summary": (
        "{complete} av {total} delmål har underlag för alla krav; {certified} är intygade "
        "(påskrivet intyg för varje krav).",
        "{complete} of {total} delmål have evidence for every requirement; {certified} are "
        "certified (a signed certificate for every requirement).",
    ),
    "report.delmal.requires": ("Krav", "Requires"),
    "report.delmal.state": ("Läge", "State"),
    "report.delmal.no_requirements": (
        "katalogen anger inga krav på aktiviteter", "the catalog lists no required activities"),
    "report.delmal.complete": ("underlag för alla krav", "evidence for every requirement"),
    "report.delmal.incomplete": (
        "underlag för {met} av {total} krav",
        "evidence for {met} of {total|requirement|requirements}"),
    "report.delmal.certified": (
        "påskrivet intyg för varje krav", "a signed certificate for every requirement"),
    "report.delmal.assessments": (
        "{count|bedömning|bedömningar}", "{count|assessment|assessments}"),
    "report.delmal.corrected": (
        "Delmålet är ändrat av {by}", "This delmål is corrected by {by}"),
    "report.delmal.no_evidence": ("Inget underlag ännu.", "No evidence yet."),
    # findings
    "report.findings.counts": (
        "{error} fel, {warning|varning|varningar} och {info} info per datum.",
        "{error|error|errors}, {warning|warning|warnings} and {info} info as of the date.",
    ),
    "report.findings.none": ("Inga öppna fynd.", "No open findings."),
    # plan and signatures
    "report.plan.prompt": (
        "Mål, placeringar, kurser och aktiviteter för nästa ST-år (fylls i vid "
        "årsuppföljningen):",
        "Goals, placements, courses and activities for the next ST year (filled in at the "
        "annual review):",
    ),
    "report.sign.trainee": ("ST-läkare", "Trainee"),
    "report.sign.supervisor": ("Huvudhandledare", "Main supervisor"),
    "report.sign.director": ("Studierektor", "Director of studies"),
    # service list
    "report.service.intro": (
        "Som i Socialstyrelsens ansökan: varje period med sin andel av heltid och sina "
        "månader omräknade till heltid. En period delas där andelen ändras; ledighet som "
        "inte räknas är borttagen.",
        "As in Socialstyrelsen's application: each period with its share of full time and "
        "its months converted to full time. A period is split where the share changes; "
        "leave that does not count is taken out.",
    ),
    "report.service.credited": ("Tillgodoräknad tid", "Credited time"),
    "report.service.decided": ("beslut {day}", "decided {day}"),
    "report.service.sum": ("Summa", "Sum"),
    "report.service.required": (
        "Krav: {required|månad|månader}", "Required: {required|month|months}"),
    "report.service.exact": (
        "Månaderna räknas exakt dag för dag och avrundas först när de visas; summan kan "
        "därför skilja sig från de avrundade raderna i sista decimalen.",
        "Months are counted exactly day by day and rounded only when shown; the sum may "
        "therefore differ from the rounded lines in the last decimal.",
    ),
    "report.service.uncovered": (
        "{months|tjänstgjord månad|tjänstgjorda månader} saknar placering i förteckningen: "
        "lägg till placeringarna.",
        "{months|month|months} served are on no placement of the list: add the placements.",
    ),
    "report.service.leave": (
        "Ledighet som inte räknas: {days|dag|dagar} (ST förlängs med motsvarande tid).",
        "Leave not counted: {days|day|days} (ST is extended accordingly).",
    ),
    "report.service.planned": ("Planerade placeringar", "Planned placements"),
    "report.service.auskultation": (
        "Auskultationer (eget intyg, ingår i tjänstgöringen ovan)",
        "Auskultation (own certificate, part of the service above)",
    ),
    "report.bt.title": ("Bastjänstgöring (BT)", "Basic service (BT)"),
    "report.bt.period": ("BT {start}–{end}.", "BT {start}–{end}."),
    "report.bt.approved": (
        "Intyg om godkänd bastjänstgöring {day}.", "BT certificate dated {day}."),
    "report.bt.not_approved": (
        "Intyg om godkänd bastjänstgöring saknas.", "The BT certificate is missing."),
    # to collect
    "report.collect.nothing": (
        "Allt underlag och alla intyg finns.", "All evidence and certificates are there."),
    "report.collect.time": (
        "Tid: {months|månad|månader} kvar att tjänstgöra (beräknat klart {day}).",
        "Time: {months|month|months} still to serve (projected to be complete on {day}).",
    ),
    "report.collect.certificates": (
        "Intyg som inte är signerade", "Certificates not yet signed"),
    "report.collect.evidence": ("Delmål som saknar underlag", "Delmål lacking evidence"),
    # charts
    "report.chart.timeline": ("Placeringar och ledighet", "Placements and leave"),
    "report.chart.legend_certified": ("signerat intyg", "signed certificate"),
    "report.chart.legend_before": ("vid årets början", "at the start of the year"),
    "report.chart.legend_now": ("vid årets slut", "at the end of the year"),
    "report.chart.as_of": ("per datum", "as of"),
    # footer
    "report.footer": (
        "Skapad med st {version} per {day}. Siffrorna räknas ur portföljen; kontrollera "
        "mot intygen.",
        "Made with st {version} as of {day}. The figures are computed from the portfolio; "
        "check them against the certificates.",
    ),
    "report.html.print": ("Skriv ut eller spara som PDF (A4).", "Print or save as PDF (A4)."),
})
