"""Lay out the dashboard as finished lines of styled text, without rich's Console.

`st status` is a column of headings, indented paragraphs and borderless grids with one
flexible column. rich's Table, Padding and Rule draw exactly that, but measuring and
rendering them through the Console costs more than computing the whole progress model;
this module draws the same lines directly (same widths, wrapping and ellipses as rich's
borderless `Table.grid(padding=(0, 1, 0, 0))` inside `Padding(..., (0, 0, 0, 2))`), so that
plain output needs no Console at all and a terminal needs one print.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, cast

from rich.cells import cell_len
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, OverflowMethod

# Text.wrap reads its console only to justify lines; these lines are never justified
# (justify "default"), so laying out plain text needs no Console (nor its import).
_NO_CONSOLE = cast("Console", None)
RULE_CHARACTER = "─"
CELL_OVERFLOW: OverflowMethod = "ellipsis"  # rich's Column default


# Plain classes, not dataclasses: this module is on the path of every `st status`, and
# generating dataclass methods at import costs more than these few lines.
class Heading:
    """A section title followed by a rule to the right edge."""

    __slots__ = ("rule_style", "style", "title")

    def __init__(self, title: str, style: str, rule_style: str) -> None:
        self.title, self.style, self.rule_style = title, style, rule_style


class Grid:
    """Borderless columns, one space apart; only column `flexible` wraps or shrinks."""

    __slots__ = ("flexible", "rows")

    def __init__(self, flexible: int) -> None:
        self.flexible = flexible
        self.rows: list[list[Text]] = []

    def add_row(self, *cells: Text | str) -> None:
        self.rows.append([cell if isinstance(cell, Text) else Text(cell) for cell in cells])


class Indented:
    """A paragraph or grid drawn `indent` columns in; wrapped lines keep the indent."""

    __slots__ = ("content", "indent")

    def __init__(self, content: Text | Grid, indent: int = 2) -> None:
        self.content, self.indent = content, indent


Block = Text | Heading | Grid | Indented


def layout(blocks: Sequence[Block], width: int) -> list[Text]:
    """Every block as lines of at most `width` cells, trailing spaces removed."""
    lines: list[Text] = []
    for block in blocks:
        lines.extend(_block_lines(block, max(1, width)))
    for line in lines:
        line.truncate(width, overflow="crop")
        line.rstrip()
    return lines


def wrap(text: Text, width: int, *, overflow: OverflowMethod | None = None,
         no_wrap: bool | None = None) -> list[Text]:
    """Word-wrap as rich prints a Text: long words fold unless the text says otherwise."""
    plain = text.plain
    if "\n" not in plain and "\t" not in plain and cell_len(plain) <= width:
        return [text.copy()]  # most lines fit: the same result without rich's wrapping
    return list(text.wrap(_NO_CONSOLE, max(1, width), overflow=overflow, no_wrap=no_wrap))


def _block_lines(block: Block, width: int) -> list[Text]:
    if isinstance(block, Heading):
        return [heading_line(block, width)]
    if isinstance(block, Text):
        return wrap(block, width)
    if isinstance(block, Grid):
        return grid_lines(block, width)
    if isinstance(block.content, Text) and not block.content:
        return []  # as rich's Padding: an empty paragraph takes no line
    inner = max(1, width - block.indent)
    if isinstance(block.content, Grid):
        # As rich's Padding(expand=False): the grid gets no more room than it measures,
        # where an empty last column measures 0 but is drawn 1 wide (so it costs the
        # flexible column one cell; kept so the output is rich's to the character).
        measured = min(width, _grid_measure(block.content, width))
        content = grid_lines(block.content, max(1, min(measured + block.indent, width)
                                                - block.indent))
    else:
        content = wrap(block.content, inner)
    pad = " " * block.indent
    out = []
    for line in content:
        line.truncate(inner, overflow="crop")  # columns that could not shrink enough
        indented = Text(pad)
        indented.append_text(line)
        out.append(indented)
    return out


def heading_line(heading: Heading, width: int) -> Text:
    """rich's left-aligned Rule: the title (cut with … if need be), a space, the rule."""
    room = width - 2
    if room <= 0 or not heading.title:
        return Text(RULE_CHARACTER * width, style=heading.rule_style)
    title = Text(heading.title.replace("\n", " "), style=heading.style)
    title.truncate(room, overflow="ellipsis")
    line = Text()
    line.append_text(title)
    line.append(" ")
    line.append(RULE_CHARACTER * (width - line.cell_len), style=heading.rule_style)
    return line


def _natural_width(cell: Text) -> int:
    return max(cell_len(part) for part in cell.plain.split("\n"))


def _measured_widths(grid: Grid) -> list[int]:
    count = len(grid.rows[0])
    return [max(_natural_width(row[column]) for row in grid.rows) + (column < count - 1)
            for column in range(count)]


def _grid_measure(grid: Grid, width: int) -> int:
    """The width rich's Table measures itself at, given `width`."""
    if not grid.rows:
        return width
    total = sum(column_widths(grid, width))
    return sum(min(measured, total) for measured in _measured_widths(grid)) if total else 0


def column_widths(grid: Grid, width: int) -> list[int]:
    """Each column's width including the one space after it (none after the last)."""
    widths = [min(measured, width) or 1 for measured in _measured_widths(grid)]
    count = len(widths)
    excess = sum(widths) - width
    if excess > 0:  # the flexible column gives way first ...
        widths[grid.flexible] -= min(excess, widths[grid.flexible])
        excess = sum(widths) - width
    if excess > 0:  # ... then every column evenly, as rich's ratio_reduce
        remaining, shares = excess, sum(1 for w in widths if w)
        for column in range(count):
            if not widths[column]:
                continue
            cut = min(widths[column], round(remaining / shares))
            widths[column] -= cut
            remaining -= cut
            shares -= 1
    return widths


def grid_lines(grid: Grid, width: int) -> list[Text]:
    if not grid.rows:
        return []
    widths = column_widths(grid, width)
    last = len(widths) - 1
    out: list[Text] = []
    for row in grid.rows:
        cells: list[list[Text]] = []
        for column, cell in enumerate(row):
            room = widths[column] - (column < last)
            fixed = column != grid.flexible
            cell_lines = [Text()] if room <= 0 else wrap(
                cell, room, overflow=cell.overflow or CELL_OVERFLOW,
                no_wrap=cell.no_wrap if cell.no_wrap is not None else fixed)
            for cell_line in cell_lines:
                cell_line.truncate(max(0, room), overflow=cell.overflow or CELL_OVERFLOW,
                                   pad=True)
                if column < last:
                    cell_line.append(" ")
                    cell_line.truncate(widths[column], overflow="crop")  # a 0-wide column
            cells.append(cell_lines)
        for index in range(max(len(c) for c in cells)):
            line = Text()
            for column, cell_lines in enumerate(cells):
                if index < len(cell_lines):
                    line.append_text(cell_lines[index])
                else:
                    line.append(" " * widths[column])
            out.append(line)
    return out


def print_lines(lines: list[Text], stream: IO[str], console: Console | None) -> None:
    """On a terminal one rich print of the finished lines; otherwise their plain text."""
    if console is None:
        stream.write("".join(f"{line.plain}\n" for line in lines))
        return
    console.print(Text("\n").join(lines), no_wrap=True, overflow="ignore", crop=False)
