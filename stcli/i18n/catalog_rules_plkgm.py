"""Placement (PL), course (K), delmål (G) and milestone (M) rules: messages, hints and
`st explain` texts.

G001/G002 arguments built by the rule (activity names, delmål titles) come in both
languages and are picked with a format spec: `{title:sv}` / `{title:en}`.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- PL001 side-placement-length --------------------------------------------------------
    "rule.PL001.doc": (
        "En sidotjänstgöring som är kortare än VGR:s ungefärliga längd: internmedicin "
        "16 veckor (24 utan svensk AT), psykiatri 12 (beroende räknas med psykiatrin: "
        "\"Ibland tillkommer beroende\"), barn- och ungdomsmedicin 8, akut barnsjukvård 4, "
        "gynekologi 4. Alla sidotjänstgöringar i samma specialitet räknas ihop, planerade "
        "medräknade. Veckorna räknas i arbetstid: en delad placering (`percent` under "
        "tjänstgöringsgraden) räknas med sin andel, deltid i sig förkortar inte, och dagar "
        "med ledighet som inte räknas (föräldraledighet, tjänstledighet) räknas bort. "
        "Bara information: längderna är ungefärliga och skiljer sig mellan VGR:s områden.",
        "A side placement (sidotjänstgöring) shorter than VGR's approximate length: "
        "internmedicin 16 weeks (24 without Swedish AT), psykiatri 12 (beroende counts with "
        "psykiatri: \"Ibland tillkommer beroende\"), barn-och-ungdomsmedicin 8, "
        "akut-barnsjukvard 4, gynekologi 4. All placements in one specialty are added up, "
        "planned ones included. Weeks are counted in working time: a split placement "
        "(`percent` below the employment percent) counts its share, part time alone does "
        "not shorten it, and days on non-counting leave (parental leave, leave of absence) "
        "are left out. Information only: the lengths are approximate and differ between "
        "VGR's areas.",
    ),
    "rule.PL001.too_short": (
        "sidotjänstgöringen i {specialty} ({start}–{end}) är {weeks|vecka|veckor}; VGR räknar med "
        "ungefär {required|vecka|veckor}",
        "the side placement (sidotjänstgöring) in {specialty} ({start}–{end}) is "
        "{weeks|week|weeks}; VGR expects "
        "about {required|week|weeks}",
    ),
    "rule.PL001.too_short_total": (
        "de {count} sidotjänstgöringarna i {specialty} är tillsammans {weeks|vecka|veckor}; VGR "
        "räknar med ungefär {required|vecka|veckor}",
        "the {count} side placements (sidotjänstgöringar) in {specialty} add up to "
        "{weeks|week|weeks}; VGR expects "
        "about {required|week|weeks}",
    ),
    "rule.PL001.without_swedish_at": (
        "utan svensk AT (`swedish_at: false`) är internmedicinen 24 veckor i VGR; sätt "
        "`swedish_at: true` i st.yaml om du har gjort svensk AT",
        "without Swedish AT (`swedish_at: false`) internmedicin is 24 weeks in VGR; set "
        "`swedish_at: true` in st.yaml if you did Swedish AT",
    ),
    # --- PL002 placement-planning -----------------------------------------------------------
    "rule.PL002.doc": (
        "En sidotjänstgöring ska förberedas i tid. Västmanland: blanketten för randning "
        "skickas 3 månader före start (`planning.form_sent`; gäller inte Medicinkliniken "
        "Västerås). Gävleborg: kontakta den mottagande kliniken minst 2 månader före start "
        "(`planning.contacted`). Ett datum efter gränsen, eller inget datum när placeringen "
        "har börjat eller gränsen har passerats, är en varning. För en planerad placering "
        "påminner regeln (info) när gränsen är mindre än 3 månader bort.",
        "A sidotjänstgöring must be prepared in time. Västmanland: the placement form is "
        "sent 3 months before the start (`planning.form_sent`; not for Medicinkliniken "
        "Västerås). Gävleborg: the receiving clinic is contacted at least 2 months before "
        "the start (`planning.contacted`). A date after the limit, or no date once the "
        "placement has started or the limit has passed, is a warning. For a planned "
        "placement the rule reminds (info) when the limit is less than 3 months away.",
    ),
    "rule.PL002.form_sent_late": (
        "blanketten för randning till {specialty} ({unit}) skickades {day}, men skulle "
        "skickas senast {due}, {months|månad|månader} före start {start}",
        "the placement form for {specialty} ({unit}) was sent on {day}, but was due by "
        "{due}, {months|month|months} before the start on {start}",
    ),
    "rule.PL002.form_sent_missing": (
        "inget datum för blanketten för randning till {specialty} ({unit}, start {start}); "
        "den skulle skickas senast {due}",
        "no date for the placement form for {specialty} ({unit}, start {start}); it was "
        "due by {due}",
    ),
    "rule.PL002.form_sent_overdue": (
        "blanketten för randning till {specialty} ({unit}, start {start}) skulle ha "
        "skickats senast {due}, {months|månad|månader} före start",
        "the placement form for {specialty} ({unit}, start {start}) was due by {due}, "
        "{months|month|months} before the start",
    ),
    "rule.PL002.form_sent_reminder": (
        "skicka blanketten för randning till {specialty} ({unit}, start {start}) senast "
        "{due}",
        "send the placement form for {specialty} ({unit}, start {start}) by {due}",
    ),
    "rule.PL002.form_sent_record": (
        "skriv in datumet under `planning:` som `form_sent: ÅÅÅÅ-MM-DD` när blanketten är "
        "skickad",
        "record the date under `planning:` as `form_sent: YYYY-MM-DD` once the form is sent",
    ),
    "rule.PL002.contacted_late": (
        "kliniken för sidotjänstgöringen i {specialty} ({unit}) kontaktades {day}, men "
        "skulle kontaktas senast {due}, {months|månad|månader} före start {start}",
        "the clinic of the side placement (sidotjänstgöring) in {specialty} ({unit}) was "
        "contacted on {day}, "
        "but was due by {due}, {months|month|months} before the start on {start}",
    ),
    "rule.PL002.contacted_missing": (
        "inget datum för kontakten med kliniken för sidotjänstgöringen i {specialty} "
        "({unit}, start {start}); den skulle kontaktas senast {due}",
        "no date for contacting the clinic of the side placement (sidotjänstgöring) in "
        "{specialty} ({unit}, "
        "start {start}); it was due by {due}",
    ),
    "rule.PL002.contacted_overdue": (
        "kliniken för sidotjänstgöringen i {specialty} ({unit}, start {start}) skulle ha "
        "kontaktats senast {due}, {months|månad|månader} före start",
        "the clinic of the side placement (sidotjänstgöring) in {specialty} ({unit}, start "
        "{start}) was to "
        "be contacted by {due}, {months|month|months} before the start",
    ),
    "rule.PL002.contacted_reminder": (
        "kontakta kliniken för sidotjänstgöringen i {specialty} ({unit}, start {start}) "
        "senast {due} med önskemål om innehåll, hemvändardagar, ledigheter och kurser",
        "contact the clinic of the side placement (sidotjänstgöring) in {specialty} ({unit}, "
        "start {start}) "
        "by {due} about its content, homecoming days, leave and courses",
    ),
    "rule.PL002.contacted_record": (
        "skriv in datumet under `planning:` som `contacted: ÅÅÅÅ-MM-DD` när kliniken är "
        "kontaktad",
        "record the date under `planning:` as `contacted: YYYY-MM-DD` once the clinic is "
        "contacted",
    ),
    # --- PL003 homecoming-days --------------------------------------------------------------
    "rule.PL003.doc": (
        "En sidotjänstgöring längre än 6 veckor bör ha minst en hemvändardag per hel "
        "kalendermånad (`homecoming_days`, bara datum inom placeringen räknas). Delade "
        "placeringar (`percent` under tjänstgöringsgraden) bedöms inte: då är du på "
        "vårdcentralen varje vecka ändå. För en placering som inte har börjat är det "
        "information.",
        "A sidotjänstgöring longer than 6 weeks needs at least one homecoming day per whole "
        "calendar month (`homecoming_days`, only dates inside the placement count). Split "
        "placements (`percent` below the employment percent) are not judged: you are at "
        "the vårdcentral every week anyway. For a placement not yet started it is "
        "information.",
    ),
    "rule.PL003.too_few": (
        "sidotjänstgöringen i {specialty} ({start}–{end}, {weeks|vecka|veckor}, "
        "{months|hel månad|hela månader}) har {have|hemvändardag|hemvändardagar}; minst "
        "{needed} bör planeras",
        "the side placement (sidotjänstgöring) in {specialty} ({start}–{end}, {weeks|week|weeks}, "
        "{months|whole month|whole months}) has {have|homecoming day|homecoming days}; at least "
        "{needed} should be planned",
    ),
    "rule.PL003.planned_too_few": (
        "minst {needed|hemvändardag|hemvändardagar} bör planeras för sidotjänstgöringen i "
        "{specialty} ({start}–{end}, {months|hel månad|hela månader}); "
        "{have|är inplanerad|är inplanerade}",
        "at least {needed|homecoming day|homecoming days} should be planned for the "
        "sidotjänstgöring in {specialty} ({start}–{end}, {months|whole month|whole months}); "
        "{have|is|are} planned",
    ),
    "rule.PL003.add_days": (
        "lägg till datumen i `homecoming_days: [ÅÅÅÅ-MM-DD, …]`",
        "add the dates to `homecoming_days: [YYYY-MM-DD, …]`",
    ),
    # --- PL004 placement-certificate --------------------------------------------------------
    "rule.PL004.doc": (
        "En sidotjänstgöring eller auskultation som slutade för mer än 30 dagar sedan "
        "(verktygets standardvärde) utan `certificate: signed`. Handledaren på placeringen "
        "ska skyndsamt utfärda intyg enligt Socialstyrelsens blanketter.",
        "A sidotjänstgöring or auskultation that ended more than 30 days ago (the tool's "
        "default) without `certificate: signed`. The supervisor at the placement is to "
        "issue the certificate on Socialstyrelsen's form promptly.",
    ),
    "rule.PL004.missing_sidotjanstgoring": (
        "intyg saknas för sidotjänstgöringen i {specialty} ({unit}) som slutade {end}, "
        "för {days|dag|dagar} sedan",
        "no certificate for the side placement (sidotjänstgöring) in {specialty} ({unit}) that "
        "ended on "
        "{end}, {days|day|days} ago",
    ),
    "rule.PL004.requested_sidotjanstgoring": (
        "intyget för sidotjänstgöringen i {specialty} ({unit}) som slutade {end} är begärt "
        "men inte påskrivet ({days|dag|dagar} sedan slutet)",
        "the certificate for the side placement (sidotjänstgöring) in {specialty} ({unit}) that "
        "ended on "
        "{end} is requested but not signed ({days|day|days} since the end)",
    ),
    "rule.PL004.missing_auskultation": (
        "intyg saknas för auskultationen i {specialty} ({unit}) som slutade {end}, för "
        "{days|dag|dagar} sedan",
        "no certificate for the auskultation in {specialty} ({unit}) that ended on {end}, "
        "{days|day|days} ago",
    ),
    "rule.PL004.requested_auskultation": (
        "intyget för auskultationen i {specialty} ({unit}) som slutade {end} är begärt men "
        "inte påskrivet ({days|dag|dagar} sedan slutet)",
        "the certificate for the auskultation in {specialty} ({unit}) that ended on {end} "
        "is requested but not signed ({days|day|days} since the end)",
    ),
    "rule.PL004.record_signed": (
        "påminn handledaren på placeringen; lägg till `certificate: signed` när intyget är "
        "påskrivet",
        "remind the supervisor at the placement; add `certificate: signed` once the "
        "certificate is signed",
    ),
    # --- PL005 external-placement -----------------------------------------------------------
    "rule.PL005.doc": (
        "En placering utanför regionen (`external: true`) som är längre än 1 "
        "kalendermånad. Region Gävleborg bekostar extern sidoutbildning bara vid "
        "glesbygdsplacering och då högst en månad.",
        "A placement outside the region (`external: true`) longer than 1 calendar month. "
        "Region Gävleborg pays for an external placement only for a rural placement, and "
        "then for at most one month.",
    ),
    "rule.PL005.too_long": (
        "den externa placeringen i {specialty} ({unit}, {start}–{end}) är {days|dag|dagar}; "
        "regionen bekostar högst {months|månad|månader}",
        "the external placement in {specialty} ({unit}, {start}–{end}) is {days|day|days}; the "
        "region pays for at most {months|month|months}",
    ),
    # --- PL006 mandatory-side-placements ------------------------------------------------------
    "rule.PL006.doc": (
        "VGR:s obligatoriska sidotjänstgöringar (samma lista som PL001: internmedicin, "
        "psykiatri, barn- och ungdomsmedicin, akut barnsjukvård, gynekologi) ska finnas "
        "gjorda eller planerade. En sidotjänstgöring i specialiteten räcker, oavsett "
        "datum. Information; en varning när det är 12 månader eller mindre kvar till "
        "beräknat slutdatum. Gäller VGR.",
        "VGR's mandatory side placements (obligatoriska sidotjänstgöringar; the PL001 list: "
        "internmedicin, psykiatri, barn-och-ungdomsmedicin, akut-barnsjukvard, gynekologi) "
        "are to be done or planned. One sidotjänstgöring in the specialty is enough, "
        "whatever its dates. Information; a warning when 12 months or less remain to the "
        "projected completion. Applies in VGR.",
    ),
    "rule.PL006.missing": (
        "obligatorisk sidotjänstgöring varken gjord eller planerad: {specialties}",
        "mandatory side placement (sidotjänstgöring) neither done nor planned: "
        "{specialties}",
    ),
    "rule.PL006.plan": (
        "kontakta utbildningsenheten om plats och lägg in placeringen i `placements/`",
        "contact the training unit (utbildningsenheten) for a place and add the placement "
        "to `placements/`",
    ),
    # --- K001 course-approval ---------------------------------------------------------------
    "rule.K001.doc": (
        "En kurs med ST-medel (`funding`) ska vara godkänd av studierektor före sista "
        "avbokningsdag, annars betalar du eller vårdcentralen. Godkännande efter "
        "avbokningsdagen, eller inget godkännande när avbokningsdagen (eller utan den "
        "kursstarten) har passerats, är en varning. Medan ansökan väntar och "
        "avbokningsdagen ligger framför är det en påminnelse (info).",
        "A course paid from ST funds (`funding`) must be approved by the director of "
        "studies before the last cancellation date, or you or the vårdcentral pay. "
        "Approval after the cancellation date, or no approval once that date (or, without "
        "one, the course start) has passed, is a warning. While the application is "
        "pending and the cancellation date lies ahead it is a reminder (info).",
    ),
    "rule.K001.approved_late": (
        "kursen {title} godkändes {approved}, efter sista avbokningsdag {deadline}",
        "the course {title} was approved on {approved}, after the last cancellation date "
        "{deadline}",
    ),
    "rule.K001.not_approved_deadline_passed": (
        "kursen {title} ({start}) har inget godkännande av studierektor och sista "
        "avbokningsdag {deadline} har passerat",
        "the course {title} ({start}) has no approval by the director of studies and the "
        "last cancellation date {deadline} has passed",
    ),
    "rule.K001.not_approved": (
        "kursen {title} ({start}) har ST-medel men inget godkännande av studierektor",
        "the course {title} ({start}) is funded from ST funds but has no approval by the "
        "director of studies",
    ),
    "rule.K001.pending": (
        "kursen {title} ({start}) väntar på studierektors godkännande; avboka senast "
        "{deadline} om det inte kommer",
        "the course {title} ({start}) awaits the director of studies' approval; cancel by "
        "{deadline} if it does not come",
    ),
    "rule.K001.pending_no_deadline": (
        "kursen {title} ({start}) väntar på studierektors godkännande; ta reda på sista "
        "avbokningsdag",
        "the course {title} ({start}) awaits the director of studies' approval; find out "
        "the last cancellation date",
    ),
    "rule.K001.record_approval": (
        "skriv in `approved: ÅÅÅÅ-MM-DD` under `funding:` när studierektor har godkänt, "
        "och `cancellation_deadline:` för kursen",
        "record `approved: YYYY-MM-DD` under `funding:` once the director of studies has "
        "approved, and the course's `cancellation_deadline:`",
    ),
    # --- K002 course-certificate ------------------------------------------------------------
    "rule.K002.doc": (
        "En kurs som slutade för mer än 30 dagar sedan utan `certificate: signed`. Varje "
        "kurs som ska styrka ett delmål behöver Socialstyrelsens kursintyg (SOSFS 2015:8 "
        "bilaga 5, HSLF-FS 2021:8 bilaga 10), påskrivet av kursledare eller handledare.",
        "A course that ended more than 30 days ago without `certificate: signed`. Every "
        "course that is to prove a delmål needs Socialstyrelsen's course certificate "
        "(SOSFS 2015:8 form 5, HSLF-FS 2021:8 form 10), signed by the course leader or the "
        "supervisor.",
    ),
    "rule.K002.missing": (
        "intyg saknas för kursen {title} som slutade {end}, för {days|dag|dagar} sedan",
        "no certificate for the course {title} that ended on {end}, {days|day|days} ago",
    ),
    "rule.K002.requested": (
        "intyget för kursen {title} som slutade {end} är begärt men inte påskrivet "
        "({days|dag|dagar} sedan slutet)",
        "the certificate for the course {title} that ended on {end} is requested but not "
        "signed ({days|day|days} since the end)",
    ),
    "rule.K002.record_signed": (
        "be kursledaren (eller handledaren) skriva på intyget; lägg till "
        "`certificate: signed` när det är gjort",
        "ask the course leader (or the supervisor) to sign the certificate; add "
        "`certificate: signed` once it is done",
    ),
    # --- K003 course-collision --------------------------------------------------------------
    "rule.K003.doc": (
        "En kurs som krockar med en sidotjänstgöring i gynekologi/obstetrik eller barn- "
        "och ungdomsmedicin/akut barnsjukvård. De placeringarna är komprimerade och kräver "
        "full närvaro. Planerade kurser och placeringar bedöms också.",
        "A course overlapping a side placement (sidotjänstgöring) in gynekologi/obstetrik or "
        "barn-och-ungdomsmedicin/akut-barnsjukvard. Those placements are compressed and "
        "need full attendance. Planned courses and placements are checked too.",
    ),
    "rule.K003.overlap": (
        "kursen {title} ({start}–{end}) krockar med sidotjänstgöringen i {specialty} "
        "({unit}, {placement_start}–{placement_end}), som kräver full närvaro",
        "the course {title} ({start}–{end}) overlaps the side placement (sidotjänstgöring) in "
        "{specialty} "
        "({unit}, {placement_start}–{placement_end}), which needs full attendance",
    ),
    # --- K004 course-budget -----------------------------------------------------------------
    "rule.K004.doc": (
        "Fler än 2 obligatoriska eller fler än 2 övriga kurser under ett kalenderår "
        "(räknat på startdatum, planerade medräknade): regionens årliga kurspott brukar "
        "räcka till ungefär två obligatoriska och en till två övriga kurser. Kurser med "
        "`cost_sek: 0` och kurser före ST räknas inte.",
        "More than 2 mandatory or more than 2 other courses in one calendar year (by start "
        "date, planned ones included): the region's yearly course budget usually covers "
        "about two mandatory and one or two other courses. Courses with `cost_sek: 0` and "
        "courses before ST are not counted.",
    ),
    "rule.K004.mandatory": (
        "{count} obligatoriska kurser {year} ({titles}); kurspotten brukar räcka till "
        "{limit} per år: stäm av med studierektor",
        "{count} mandatory courses in {year} ({titles}); the course budget usually covers "
        "{limit} a year: check with the director of studies",
    ),
    "rule.K004.other": (
        "{count} icke-obligatoriska kurser {year} ({titles}); kurspotten brukar räcka till "
        "{limit} per år: stäm av med studierektor",
        "{count} non-mandatory courses in {year} ({titles}); the course budget usually "
        "covers {limit} a year: check with the director of studies",
    ),
    # --- G001 delmal-evidence ---------------------------------------------------------------
    "rule.G001.doc": (
        "Ett ST-delmål saknar underlag för en av de aktivitetstyper målbeskrivningen kräver "
        "(klinisk tjänstgöring, kurs, kvalitets- eller utvecklingsarbete, självständigt "
        "skriftligt arbete, auskultation). Underlag är påbörjade poster som anger delmålet: "
        "placeringar, kurser och aktiviteter. STa3 (HSLF-FS 2021:8) har valfria aktiviteter: "
        "varje post som anger STa3 är underlag. STc7/c7 kräver tjänstgöring eller "
        "auskultation inom gynekologi, obstetrik eller mödrahälsovård; en period på "
        "vårdcentralen räcker inte. Information; en varning när det är 12 månader eller "
        "mindre kvar till beräknat slutdatum. BT-delmålen bedöms av BT001.",
        "An ST delmål has no evidence (underlag) for one of the activity types the "
        "målbeskrivning requires (clinical service, course, quality or development work, "
        "independent written work, auskultation). Evidence is started entries naming the "
        "delmål: placements, courses and activities. STa3 (HSLF-FS 2021:8) has free "
        "activities: every entry naming STa3 is evidence. STc7/c7 needs service or an "
        "auskultation in gynekologi, obstetrik or mödrahälsovård; a period at the "
        "vårdcentral does not count. Information; a warning when 12 months or less remain to "
        "the projected completion. The BT delmål are checked by BT001.",
    ),
    "rule.G001.missing": (
        "delmål {code} ({title:sv}) saknar underlag: {missing:sv}",
        "delmål {code} ({title:en}) has no evidence (underlag) of: {missing:en}",
    ),
    "rule.G001.missing_planned": (
        "delmål {code} ({title:sv}) saknar underlag: {missing:sv} (planerat: {planned:sv})",
        "delmål {code} ({title:en}) has no evidence (underlag) of: {missing:en} (planned: "
        "{planned:en})",
    ),
    "rule.G001.near_completion": (
        "beräknat slutdatum är {completion}: planera in det som saknas, eller ange "
        "delmålet på en post som redan styrker det",
        "the projected completion is {completion}: plan what is missing, or name the "
        "delmål on an entry that already proves it",
    ),
    "rule.G001.requires_specialty": (
        "den kliniska tjänstgöringen ska ske på en enhet inom {specialties} (placering "
        "eller auskultation); en period på vårdcentralen räcker inte",
        "the clinical service must be at a unit in {specialties} (a placement or an "
        "auskultation); a period at the vårdcentral does not count",
    ),
    "rule.G001.activity_klinisk_tjanstgoring": (
        "klinisk tjänstgöring", "clinical service (klinisk tjänstgöring)"),
    "rule.G001.activity_klinisk_tjanstgoring_primarvard": (
        "klinisk tjänstgöring i primärvård",
        "clinical service in primary care",
    ),
    "rule.G001.activity_kurs": ("kurs", "course"),
    "rule.G001.activity_kvalitetsarbete": (
        "kvalitets- och utvecklingsarbete",
        "quality and development work (kvalitets- och utvecklingsarbete)",
    ),
    "rule.G001.activity_utvecklingsarbete": (
        "deltagande i utvecklingsarbete",
        "participation in development work (deltagande i utvecklingsarbete)",
    ),
    "rule.G001.activity_vetenskapligt_arbete": (
        "självständigt skriftligt arbete enligt vetenskapliga principer",
        "independent written work on scientific principles (självständigt skriftligt "
        "arbete enligt vetenskapliga principer)",
    ),
    "rule.G001.activity_auskultation": ("auskultation", "observation placement (auskultation)"),
    "rule.G001.activity_eget_intyg": (
        "valfria aktiviteter", "activities of the trainee's choice"),
    "rule.G001.activity_valfri_aktivitet": (
        "valfri aktivitet",
        "any activity",
    ),
    # --- G002 delmal-certificate ------------------------------------------------------------
    "rule.G002.doc": (
        "Ett delmål räknas som intygat först när varje krävd aktivitetstyp har ett "
        "påskrivet intyg av just den typen; ett påskrivet intyg för en kurs intygar inte "
        "den kliniska tjänstgöringen. Fyndet kommer när en krävd typ har underlag men inget "
        "påskrivet intyg, och nämner typen och blanketten den behöver. STa3 (HSLF-FS "
        "2021:8) intygas med en egen blankett (Bilaga 12), som en milstolpe `sta3-intyg` "
        "anger. Information; en varning när det är 12 månader eller mindre kvar till "
        "beräknat slutdatum, eftersom intygen ska bifogas ansökan. BT-delmål sammanfattas i "
        "ett fynd tills BT är godkänd.",
        "A delmål counts as certified (intygat) only when every required activity type has "
        "a signed certificate of that very type; a signed course certificate does not "
        "certify the clinical service. The finding comes when a required type has evidence "
        "but no signed certificate, and names the type and the form it needs. STa3 "
        "(HSLF-FS 2021:8) is certified on its own form (Bilaga 12), recorded as a milestone "
        "`sta3-intyg`. Information; a warning when 12 months or less remain to the "
        "projected completion, since the certificates go with the application. BT delmål "
        "are summarized in one finding until BT is approved.",
    ),
    "rule.G002.uncertified": (
        "delmål {code} ({title:sv}) saknar påskrivet intyg för: {requirements:sv}",
        "delmål {code} ({title:en}) has no signed certificate for: {requirements:en}",
    ),
    "rule.G002.bt_uncertified": (
        "BT: {count} BT-delmål har underlag men inget påskrivet intyg: {codes}",
        "BT: {count} BT delmål have evidence but no signed certificate: {codes}",
    ),
    "rule.G002.record_signed": (
        "lägg till `certificate: signed` på posten när intyget ({form}) är påskrivet",
        "add `certificate: signed` to the entry once the certificate ({form}) is signed",
    ),
    "rule.G002.record_signed_near": (
        "beräknat slutdatum är {completion}: be om intygen nu och lägg till "
        "`certificate: signed` när de är påskrivna",
        "the projected completion is {completion}: ask for the certificates now and add "
        "`certificate: signed` once they are signed",
    ),
    "rule.G002.record_milestone": (
        "när intyget ({form}) är påskrivet: lägg till en milstolpe `kind: {milestone}` med "
        "dess datum",
        "once the certificate ({form}) is signed, add a milestone `kind: {milestone}` with "
        "its date",
    ),
    # --- M001 iup ---------------------------------------------------------------------------
    "rule.M001.doc": (
        "En individuell utbildningsplan (IUP) ska finnas inom 6 månader från ST-start. "
        "Ingen `iup` efter gränsen är en varning; en IUP som kom efter gränsen är "
        "information. En IUP från tiden före ST räknas.",
        "An individual training plan (IUP) is due within 6 months of the start of ST. No "
        "`iup` after the limit is a warning; an IUP that came after the limit is "
        "information. An IUP from before ST counts.",
    ),
    "rule.M001.missing": (
        "ingen IUP: den skulle ha upprättats senast {due}, {months|månad|månader} efter ST-start "
        "{start}",
        "no IUP: it was due by {due}, {months|month|months} after the start of ST on {start}",
    ),
    "rule.M001.late": (
        "IUP:n upprättades {day}, efter gränsen {due} ({months|månad|månader} efter ST-start)",
        "the IUP was drawn up on {day}, after the limit {due} ({months|month|months} after the "
        "start of ST)",
    ),
    "rule.M001.add": (
        "upprätta IUP:n med handledaren och lägg till en milstolpe `kind: iup` med datum",
        "draw up the IUP with your supervisor and add a milestone `kind: iup` with its date",
    ),
    # --- M002 iup-revision ------------------------------------------------------------------
    "rule.M002.doc": (
        "IUP:n ska stämmas av och revideras fortlöpande: en varning när senaste `iup` "
        "eller `iup-revision` är äldre än 12 månader.",
        "The IUP is to be followed up and revised continuously: a warning when the latest "
        "`iup` or `iup-revision` is more than 12 months old.",
    ),
    "rule.M002.overdue": (
        "IUP:n reviderades senast {day}; nästa revision skulle ha gjorts senast {due}",
        "the IUP was last revised on {day}; the next revision was due by {due}",
    ),
    "rule.M002.add": (
        "gå igenom IUP:n med handledaren och lägg till en milstolpe `kind: iup-revision`",
        "go through the IUP with your supervisor and add a milestone `kind: iup-revision`",
    ),
    # --- M003 st-kontrakt -------------------------------------------------------------------
    "rule.M003.doc": (
        "Ett ST-kontrakt (ST-överenskommelse) ska finnas inom 7 månader från ST-start. "
        "Inget `st-kontrakt` efter gränsen är en varning; ett som kom efter gränsen är "
        "information.",
        "An ST contract (ST agreement) is due within 7 months of the start of ST. No "
        "`st-kontrakt` after the limit is a warning; one that came after the limit is "
        "information.",
    ),
    "rule.M003.missing": (
        "inget ST-kontrakt: det skulle ha skrivits senast {due}, {months|månad|månader} efter "
        "ST-start {start}",
        "no ST contract: it was due by {due}, {months|month|months} after the start of ST on "
        "{start}",
    ),
    "rule.M003.late": (
        "ST-kontraktet skrevs {day}, efter gränsen {due} ({months|månad|månader} efter ST-start)",
        "the ST contract was signed on {day}, after the limit {due} ({months|month|months} after "
        "the start of ST)",
    ),
    "rule.M003.add": (
        "skriv kontraktet med handledare, verksamhetschef och studierektor och lägg till en "
        "milstolpe `kind: st-kontrakt`",
        "sign the contract with supervisor, head of unit and director of studies and add a "
        "milestone `kind: st-kontrakt`",
    ),
    # --- M004 arsrapport --------------------------------------------------------------------
    "rule.M004.doc": (
        "Varje avslutat ST-år ska ha en årsrapport skriven av ST-läkaren (`arsrapport`, "
        "med `st_year:` om den skrevs efter årets slut). Ett år helt på ledighet som inte "
        "räknas bedöms inte.",
        "Every completed ST year needs an annual report by the trainee (`arsrapport`, with "
        "`st_year:` if written after the year ended). A year entirely on non-counting "
        "leave is not judged.",
    ),
    "rule.M004.missing": (
        "ST-år {year} ({start}–{end}) saknar årsrapport",
        "ST year {year} ({start}–{end}) has no annual report",
    ),
    "rule.M004.add": (
        "lägg till en milstolpe `kind: arsrapport` med `st_year: {year}` om den skrevs "
        "efter årets slut",
        "add a milestone `kind: arsrapport`, with `st_year: {year}` if written after the "
        "year ended",
    ),
    # --- M005 handledarutlatande ------------------------------------------------------------
    "rule.M005.doc": (
        "Varje avslutat ST-år ska ha ett handledarutlåtande av huvudhandledaren "
        "(`handledarutlatande`, med `st_year:` om det skrevs efter årets slut).",
        "Every completed ST year needs a statement by the main supervisor "
        "(`handledarutlatande`, with `st_year:` if written after the year ended).",
    ),
    "rule.M005.missing": (
        "ST-år {year} ({start}–{end}) saknar handledarutlåtande",
        "ST year {year} ({start}–{end}) has no supervisor's statement",
    ),
    "rule.M005.add": (
        "be huvudhandledaren skriva utlåtandet; lägg till en milstolpe "
        "`kind: handledarutlatande` med `st_year: {year}` om det skrevs efter årets slut",
        "ask the main supervisor for the statement; add a milestone "
        "`kind: handledarutlatande`, with `st_year: {year}` if written after the year ended",
    ),
    # --- M006 studierektor-yearly -----------------------------------------------------------
    "rule.M006.doc": (
        "Studierektor ska involveras minst en gång per år: varje avslutat ST-år ska ha ett "
        "`studierektorsmote` eller en `arsuppfoljning`. Varning i Gävleborg, annars "
        "information.",
        "The director of studies is to be involved at least once a year: every completed "
        "ST year needs a `studierektorsmote` or an `arsuppfoljning`. A warning in "
        "Gävleborg, information elsewhere.",
    ),
    "rule.M006.missing": (
        "ST-år {year} ({start}–{end}) saknar möte med studierektor eller årsuppföljning",
        "ST year {year} ({start}–{end}) has no meeting with the director of studies or "
        "annual follow-up",
    ),
    "rule.M006.add": (
        "boka ett möte med studierektor och lägg till en milstolpe `kind: studierektorsmote` "
        "(eller `arsuppfoljning`)",
        "book a meeting with the director of studies and add a milestone "
        "`kind: studierektorsmote` (or `arsuppfoljning`)",
    ),
    # --- M007 mitt-i-st-registration --------------------------------------------------------
    "rule.M007.doc": (
        "Anmälan till Mitt-i-ST ska göras senast 18 månader (Gävleborg: 24) före beräknat "
        "slutdatum. En varning när gränsen har passerats utan anmälan, eller när en "
        "planerad anmälan ligger efter gränsen; en påminnelse (info) 3 månader före gränsen.",
        "Registration for Mitt-i-ST is due 18 months (Gävleborg: 24) before the projected "
        "completion. A warning once the limit has passed without registration, or when a "
        "planned registration lies after it; a reminder (info) 3 months before the limit.",
    ),
    "rule.M007.overdue": (
        "ingen anmälan till Mitt-i-ST: den skulle ha gjorts senast {due}, {months|månad|månader} "
        "före beräknat slutdatum {completion}",
        "no registration for Mitt-i-ST: it was due by {due}, {months|month|months} before the "
        "projected completion on {completion}",
    ),
    "rule.M007.planned_late": (
        "anmälan till Mitt-i-ST är planerad till {day}, efter gränsen {due} "
        "({months|månad|månader} före beräknat slutdatum {completion})",
        "the registration for Mitt-i-ST is planned for {day}, after the limit {due} "
        "({months|month|months} before the projected completion on {completion})",
    ),
    "rule.M007.reminder": (
        "anmäl dig till Mitt-i-ST senast {due} ({months|månad|månader} före beräknat slutdatum "
        "{completion})",
        "register for Mitt-i-ST by {due} ({months|month|months} before the projected completion "
        "on {completion})",
    ),
    "rule.M007.add": (
        "beställ Mitt-i-ST från SFAM och lägg till en milstolpe `kind: mitt-i-st-anmalan`",
        "order Mitt-i-ST from SFAM and add a milestone `kind: mitt-i-st-anmalan`",
    ),
    # --- M008 mitt-i-st ---------------------------------------------------------------------
    "rule.M008.doc": (
        "Mitt-i-ST bör göras med 2–3 år kvar och senast med 1 år kvar (SFAM). Fynd när 12 "
        "månader eller mindre återstår till beräknat slutdatum och ingen `mitt-i-st` finns, "
        "gjord eller planerad: en varning i Region Gävleborg, där Mitt-i-ST är obligatorisk "
        "för alla, annars information.",
        "Mitt-i-ST is best done with 2–3 years left and at the latest with 1 year left "
        "(SFAM). A finding when 12 months or less remain to the projected completion and no "
        "`mitt-i-st` exists, done or planned: a warning in Region Gävleborg, where "
        "Mitt-i-ST is mandatory for all, otherwise information.",
    ),
    "rule.M008.missing": (
        "ingen Mitt-i-ST och beräknat slutdatum är {completion} ({remaining} månaders "
        "tjänstgöring kvar)",
        "no Mitt-i-ST and the projected completion is {completion} ({remaining|month|months} of "
        "service left)",
    ),
    "rule.M008.add": (
        "boka Mitt-i-ST via SFAM och lägg till en milstolpe `kind: mitt-i-st` med datum",
        "book Mitt-i-ST through SFAM and add a milestone `kind: mitt-i-st` with its date",
    ),
    # --- M009 final-evaluation --------------------------------------------------------------
    "rule.M009.doc": (
        "Två till tre månader före beräknat slutdatum görs en slutvärdering med "
        "studierektor, om du inte gör specialistexamen. Information när 3 månader eller "
        "mindre återstår och varken `slutvardering` eller `specialistexamen` finns, gjord "
        "eller planerad.",
        "Two to three months before the projected completion the director of studies "
        "makes a final evaluation, unless you take the specialist examination. Information "
        "when 3 months or less remain and neither `slutvardering` nor `specialistexamen` "
        "exists, done or planned.",
    ),
    "rule.M009.missing": (
        "beräknat slutdatum är {completion} och ingen slutvärdering eller specialistexamen "
        "är planerad",
        "the projected completion is {completion} and no final evaluation or specialist "
        "examination is planned",
    ),
    "rule.M009.add": (
        "boka slutvärdering med studierektor (eller specialistexamen via SFAM) och lägg "
        "till en milstolpe `kind: slutvardering` eller `kind: specialistexamen`",
        "book the final evaluation with the director of studies (or the specialist "
        "examination through SFAM) and add a milestone `kind: slutvardering` or "
        "`kind: specialistexamen`",
    ),
    # --- M010 scientific-work ---------------------------------------------------------------
    "rule.M010.doc": (
        "Det vetenskapliga arbetet bör vara klart senast halvvägs i ST och göras efter "
        "kursen i vetenskaplig metodik (Västmanland), och det bör presenteras muntligt "
        "(Gävleborg). Fynd när halva den krävda tiden är tjänstgjord utan ett "
        "`vetenskapligt-arbete` med `status: done` (att \"halvvägs\" betyder halva den "
        "krävda tiden, `served_share`, är verktygets tolkning), när arbetet började före "
        "den första kursen vars titel nämner vetenskaplig metodik, vetenskapsmetodik eller "
        "forskningsmetodik, och (information) när ett klart arbete saknar datum för "
        "presentationen (`presented`). Varning i Västmanland, annars information.",
        "The scientific work is to be done by half-time and after the course in scientific "
        "method (Västmanland), and presented orally (Gävleborg). Findings when half the "
        "required time is served without a `vetenskapligt-arbete` with `status: done` "
        "(reading \"halvvägs\" as half the required months, `served_share`, is the tool's "
        "own), when the work started before the first course whose title names scientific "
        "method (vetenskaplig metodik, vetenskapsmetodik, forskningsmetodik), and "
        "(information) when a finished work has no date of presentation (`presented`). A "
        "warning in Västmanland, information elsewhere.",
    ),
    "rule.M010.not_presented": (
        "det vetenskapliga arbetet {title} är klart men har inget datum för den muntliga "
        "presentationen",
        "the scientific work {title} is done but has no date of its oral presentation",
    ),
    "rule.M010.add_presented": (
        "ange datumet under `presented:` när arbetet har presenterats",
        "give the date under `presented:` once the work has been presented",
    ),
    "rule.M010.not_done": (
        "{served} av {required|månad|månader} är tjänstgjorda (halvtid {threshold}) och inget "
        "vetenskapligt arbete är klart; det bör vara klart senast halvvägs",
        "{served} of {required|month|months} are served (half-time {threshold}) and no "
        "scientific work is done",
    ),
    "rule.M010.not_done_ongoing": (
        "{served} av {required|månad|månader} är tjänstgjorda (halvtid {threshold}) och det "
        "vetenskapliga arbetet är inte klart; det bör vara klart senast halvvägs",
        "{served} of {required|month|months} are served (half-time {threshold}) and the "
        "scientific work is not done",
    ),
    "rule.M010.hslf_examen": (
        "enligt HSLF-FS 2021:8 krävs inget skriftligt arbete för specialistbeviset, men "
        "SFAM:s specialistexamen kräver det",
        "under HSLF-FS 2021:8 no written work is required for the specialist certificate, "
        "but SFAM's specialist examination requires one",
    ),
    "rule.M010.before_course": (
        "det vetenskapliga arbetet började {day}, före kursen {title} ({course_start})",
        "the scientific work started on {day}, before the course {title} ({course_start})",
    ),
    # --- M011 quality-work ------------------------------------------------------------------
    "rule.M011.doc": (
        "Kvalitets- och utvecklingsarbetet bör planeras tidigt. Information när halva den "
        "krävda tiden är tjänstgjord och inget `kvalitetsarbete` har påbörjats.",
        "The quality and development work is to be planned early. Information when half "
        "the required time is served and no `kvalitetsarbete` has started.",
    ),
    "rule.M011.missing": (
        "{served} av {required|månad|månader} är tjänstgjorda (halvtid {threshold}) och inget "
        "kvalitetsarbete har påbörjats",
        "{served} of {required|month|months} are served (half-time {threshold}) and no quality "
        "work has started",
    ),
    "rule.M011.planned_only": (
        "{served} av {required|månad|månader} är tjänstgjorda (halvtid {threshold}) och "
        "kvalitetsarbetet är bara planerat (start {day})",
        "{served} of {required|month|months} are served (half-time {threshold}) and the quality "
        "work is only planned (start {day})",
    ),
    "rule.M011.add": (
        "planera arbetet med handledare och verksamhetschef och lägg till en aktivitet "
        "`kind: kvalitetsarbete`",
        "plan the work with your supervisor and head of unit and add an activity "
        "`kind: kvalitetsarbete`",
    ),
    # --- M012 on-call -----------------------------------------------------------------------
    "rule.M012.doc": (
        "Jour bör påbörjas under första ST-året och beredskap under andra halvan av ST. "
        "Information när ST-år 1 är slut utan jour, när det är 6 månader eller mindre kvar "
        "till beräknat slutdatum utan beredskap, och när beredskapen började före halvtid. "
        "Första posten av `jour`/`beredskap` anger när tjänstgöringen började.",
        "Jour is to start in ST year 1 and beredskap in the second half of ST. Information "
        "when ST year 1 has ended without jour, when 6 months or less remain to the "
        "projected completion without beredskap, and when beredskap started before "
        "half-time. The first `jour`/`beredskap` entry says when that duty started.",
    ),
    "rule.M012.no_jour": (
        "ingen jour är registrerad och ST-år {year} slutade {end}",
        "no jour is recorded and ST year {year} ended on {end}",
    ),
    "rule.M012.jour_late": (
        "jouren började {day}, efter att ST-år {year} slutade {end}",
        "jour started on {day}, after ST year {year} ended on {end}",
    ),
    "rule.M012.add_jour": (
        "lägg till en aktivitet `kind: jour` med datum för första jouren",
        "add an activity `kind: jour` dated with the first on-call shift",
    ),
    "rule.M012.no_beredskap": (
        "ingen beredskap är påbörjad och beräknat slutdatum är {completion}",
        "no beredskap has started and the projected completion is {completion}",
    ),
    "rule.M012.add_beredskap": (
        "planera beredskap med handledaren och lägg till en aktivitet `kind: beredskap`",
        "plan beredskap with your supervisor and add an activity `kind: beredskap`",
    ),
    "rule.M012.beredskap_early": (
        "beredskapen började {day}, före halvtid i ST ({half}); den bör påbörjas under "
        "andra halvan",
        "beredskap started on {day}, before half-time in ST ({half}); it is meant to start "
        "in the second half",
    ),
    # --- M013 st-days -------------------------------------------------------------------------
    "rule.M013.doc": (
        "Regionens ST-dagar. Västmanland: startseminariet för nya ST-läkare är "
        "obligatoriskt; information när ST-år 1 är slut utan en milstolpe `startseminarium`. "
        "Gävleborg: de månatliga ST-dagarna; information för varje avslutat ST-år utan "
        "någon aktivitet `st-dag`.",
        "The region's ST days. Västmanland: the start seminar (startseminarium) for new ST "
        "doctors is mandatory; information when ST year 1 has ended without a milestone "
        "`startseminarium`. Gävleborg: the monthly ST days; information for each completed "
        "ST year without any activity `st-dag`.",
    ),
    "rule.M013.no_startseminarium": (
        "inget startseminarium registrerat under ST-år 1 (slutade {end})",
        "no start seminar (startseminarium) recorded in ST year 1 (ended {end})",
    ),
    "rule.M013.add_startseminarium": (
        "lägg till en milstolpe `kind: startseminarium` med datum",
        "add a milestone `kind: startseminarium` with its date",
    ),
    "rule.M013.no_st_day": (
        "ingen ST-dag registrerad under ST-år {year} ({start}–{end})",
        "no ST day (ST-dag) recorded in ST year {year} ({start}–{end})",
    ),
    "rule.M013.add_st_day": (
        "för in ST-dagarna som aktiviteter `kind: st-dag`",
        "record the ST days as activities `kind: st-dag`",
    ),
}
