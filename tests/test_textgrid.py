"""The dashboard's own layout draws what rich's Table/Padding/Rule would, at any width.

`stcli.render.textgrid` replaces rich's renderables on the `st status` path for speed; these
tests render the same blocks both ways and demand identical text.
"""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from stcli.render.textgrid import Grid, Heading, Indented, layout

WORDS = st.sampled_from(["a", "ST", "Vårdcentral", "2026-01-12–2026-04-05", "intyg", "klart",
                         "Sidotjänstgöring:", "barn-", "och", "ungdomsmedicin", "✓", "▶",
                         "Ledarskap", "x" * 30, "40 %", "M004", "PL004"])
CELL = st.lists(WORDS, min_size=0, max_size=8).map(" ".join)


def rich_lines(renderables: list[RenderableType], width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False,
                      emoji=False, markup=False, force_terminal=False)
    with console.capture() as captured:
        console.print(Group(*renderables))
    return [line.rstrip() for line in captured.get().splitlines()]


def own_lines(blocks: list[Text | Heading | Grid | Indented], width: int) -> list[str]:
    return [line.plain for line in layout(blocks, width)]


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.tuples(CELL, CELL, CELL, CELL), min_size=1, max_size=5),
       flexible=st.integers(0, 3), cut=st.booleans(), width=st.integers(8, 130))
def test_indented_grid_matches_rich_table(rows: list[tuple[str, ...]], flexible: int,
                                          cut: bool, width: int) -> None:
    table = Table.grid(padding=(0, 1, 0, 0))
    for column in range(4):
        table.add_column(no_wrap=column != flexible)
    grid = Grid(flexible)
    for row in rows:
        cells = [Text(text, no_wrap=True, overflow="ellipsis") if cut and i == flexible
                 else Text(text) for i, text in enumerate(row)]
        table.add_row(*[cell.copy() for cell in cells])
        grid.add_row(*cells)
    expected = rich_lines([Padding(table, (0, 0, 0, 2), expand=False)], width)
    assert own_lines([Indented(grid, 2)], width) == expected


@settings(max_examples=200, deadline=None)
@given(text=CELL, width=st.integers(3, 100))
def test_paragraph_and_heading_match_rich(text: str, width: int) -> None:
    expected = rich_lines([Rule(Text(text, style="bold"), align="left", characters="─"),
                           Padding(Text(text), (0, 0, 0, 2), expand=False), Text(text)], width)
    blocks: list[Text | Heading | Grid | Indented] = [
        Heading(text, "bold", "dim"), Indented(Text(text), 2), Text(text)]
    assert own_lines(blocks, width) == expected


def test_sample_widths_are_checked_for_real() -> None:
    """The comparison can fail: a grid whose flexible column must wrap at 30 columns."""
    grid = Grid(1)
    grid.add_row("PL004", "intyget för sidotjänstgöringen i psykiatri är begärt men inte "
                          "påskrivet")
    lines = own_lines([Indented(grid, 2)], 30)
    assert lines[0] == "  PL004 intyget för"
    assert all(line.startswith("        ") for line in lines[1:])
    assert len(lines) > 3
