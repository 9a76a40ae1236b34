"""`st forms`: Socialstyrelsen's certificate forms filled from the portfolio.

`plan` decides which forms and which field gets which value (pure), `pdf` reads the blanks
and writes the filled PDFs (the only module importing pypdf), `identity` reads the
trainee's personnummer as typed; the command is `stcli/cli/cmd_forms.py`, the index is
rendered by `stcli/render/forms_index.py`.
"""
