"""Deadlines shown by status and reports."""

MESSAGES: dict[str, tuple[str, str]] = {
    "deadline.iup_revision": ("Revidera IUP", "Revise the IUP"),
    "deadline.iup": ("Upprätta IUP", "Draw up the IUP"),
    "deadline.st_kontrakt": ("Skriv ST-kontrakt", "Sign the ST contract"),
    "deadline.mitt_i_st_registration": (
        "Anmäl dig till Mitt-i-ST",
        "Register for Mitt-i-ST",
    ),
    "deadline.mitt_i_st": ("Genomför Mitt-i-ST", "Attend Mitt-i-ST"),
    "deadline.final_evaluation": (
        "Planera slutvärdering eller specialistexamen",
        "Plan the final evaluation or the specialist examination",
    ),
    "deadline.arsrapport": (
        "Årsrapport för ST-år {year}",
        "Annual report for ST year {year}",
    ),
    "deadline.handledarutlatande": (
        "Handledarutlåtande för ST-år {year}",
        "Supervisor's statement for ST year {year}",
    ),
    "deadline.bt_approval": (
        "Intyg om godkänd bastjänstgöring",
        "Certificate of completed BT",
    ),
    "deadline.placement_form": (
        "Skicka blankett för randning: {specialty} från {start}",
        "Send the placement form: {specialty} from {start}",
    ),
    "deadline.placement_contact": (
        "Kontakta kliniken: {specialty} från {start}",
        "Contact the clinic: {specialty} from {start}",
    ),
    "deadline.course_approval": (
        "Studierektorns godkännande före avbokningsdagen: {title}",
        "The director of studies' approval before the cancellation date: {title}",
    ),
}
