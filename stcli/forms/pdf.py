"""Reading and filling Socialstyrelsen's AcroForm blanks: the only module that imports pypdf.

pypdf (pure Python, BSD) rather than pikepdf: it installs with pip alone on Python 3.11
(no qpdf binary), which is all `st` asks of a trainee's machine.

Filling writes each field's value (`/V`) and draws its appearance stream (`/AP /N`) here,
with the form's own embedded font, its widths and its encoding, so that the text shows in
every viewer and after printing without `NeedAppearances` (which would let each viewer lay
the text out again its own way, and some not at all). Multi-line fields wrap at word
boundaries; a text that does not fit at the smallest size is reported as an `Overflow`,
never cut: its field is left empty for the caller to report.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, NamedTuple

MULTILINE = 1 << 12  # field flag: multi-line text (PDF 32000-1, table 228)
PADDING = 2.0  # points between the field's border and its text, as Acrobat draws it
LEADING = 1.2  # line height in font sizes
MIN_SIZE_SINGLE = 6.0  # single-line text shrinks to this size before it counts as too long
MIN_SIZE_MULTI = 7.0
DEFAULT_SIZE = 10.0  # when the field's /DA asks for auto size (0)


class BlankError(Exception):
    """A blank cannot be read as a PDF form (the message is technical: the file's error)."""


class Overflow(NamedTuple):
    field: str
    text: str


class Widget(NamedTuple):
    page: int  # 0-based
    rect: tuple[float, float, float, float]


class Blank:
    """One blank form, parsed once: its fields, and copies of it filled.

    A filled copy is the blank's own bytes with an incremental update appended (PDF
    32000-1, 7.5.6): the changed widgets and fields, their appearance streams and a new
    cross-reference stream. Nothing of the blank is rewritten, so a copy costs
    milliseconds, and the reader's objects are never changed (each copy starts from the
    blank as published)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.reader = _reader(data)
        self.widgets: list[tuple[int, str, Any]] = []  # (page, full name, widget)
        for number, page in enumerate(self.reader.pages):
            for widget in _widgets(page):
                self.widgets.append((number, _full_name(widget), widget))
        self.names = frozenset(name for _p, name, _w in self.widgets)
        self.acroform = self.reader.trailer["/Root"]["/AcroForm"]
        self.fonts = _fonts(self.acroform)

    def fill(self, texts: dict[str, str | tuple[str, ...]],
             checks: frozenset[str] = frozenset(),
             detach: tuple[tuple[str, int, str], ...] = ()) -> tuple[bytes, list[Overflow]]:
        """The blank with `texts` written by field name and `checks` ticked.

        `texts` maps a field to its text, or to the text and shorter ways of saying it,
        tried in turn. `detach`: (field name, 0-based page, new name): that field's
        widgets on that page become a field of their own (empty), for forms that reuse
        one name for two places. Returns the PDF and the fields whose text did not fit
        (left empty)."""
        from pypdf.generic import DictionaryObject, NameObject, TextStringObject

        update = _Update(self.reader)
        acroform_da = str(self.acroform.get("/DA", ""))
        overflows: list[Overflow] = []
        failed: set[str] = set()
        moved = {(name, page): new for name, page, new in detach}
        for page, name, original in self.widgets:
            new_name = moved.get((name, page))
            if new_name is not None:
                update.detach(original, new_name)
                continue
            kind = _inherited(original, "/FT")
            if kind == "/Btn" and name in checks:
                state = NameObject(_on_state(original))
                widget = update.edit(original)
                widget[NameObject("/AS")] = state
                update.edit(_value_holder(original))[NameObject("/V")] = state
            elif kind == "/Tx" and name in texts and name not in failed:
                given = texts[name]
                choices = (given,) if isinstance(given, str) else given
                drawn = None
                for text in choices:  # the text, then shorter ways of saying it
                    drawn = _appearance(original, text, self.fonts, acroform_da)
                    if drawn is not None:
                        break
                if drawn is None:
                    overflows.append(Overflow(name, choices[0]))
                    failed.add(name)
                    continue
                stream_ref = update.add(drawn)
                widget = update.edit(original)
                widget[NameObject("/AP")] = DictionaryObject({NameObject("/N"): stream_ref})
                update.edit(_value_holder(original))[NameObject("/V")] = TextStringObject(text)
        return update.write(self.data), overflows


class _Update:
    """The objects an incremental update changes or adds, and its writing."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.size = int(reader.trailer["/Size"])
        self.changed: dict[int, Any] = {}  # object number → the new version
        self.generation: dict[int, int] = {}
        self.extra_fields: list[Any] = []

    def edit(self, original: Any) -> Any:
        """A copy of `original` (an indirect object of the blank) to change."""
        from pypdf.generic import DictionaryObject

        ref = original.indirect_reference
        if ref is None:
            raise BlankError("a form field is not an indirect object")
        if ref.idnum not in self.changed:
            self.changed[ref.idnum] = DictionaryObject(original)
            self.generation[ref.idnum] = ref.generation
        return self.changed[ref.idnum]

    def add(self, obj: Any) -> Any:
        from pypdf.generic import IndirectObject

        number = self.size
        self.size += 1
        self.changed[number] = obj
        self.generation[number] = 0
        return IndirectObject(number, 0, None)

    def detach(self, original: Any, new_name: str) -> None:
        from pypdf.generic import ArrayObject, NameObject, TextStringObject

        parent_ref = original.get("/Parent")
        if parent_ref is None or "/T" in original:
            return
        parent = self.edit(parent_ref.get_object())
        number = original.indirect_reference.idnum
        parent[NameObject("/Kids")] = ArrayObject(
            kid for kid in parent.get("/Kids", []) if kid.idnum != number)
        widget = self.edit(original)
        for key in ("/FT", "/Ff", "/DA", "/Q"):
            value = _inherited(parent_ref.get_object(), key)
            if value is not None:
                widget[NameObject(key)] = value
        del widget["/Parent"]
        widget[NameObject("/T")] = TextStringObject(new_name)
        self.extra_fields.append(original.indirect_reference)

    def write(self, blank: bytes) -> bytes:
        from pypdf.generic import ArrayObject, NameObject

        if self.extra_fields:  # detached widgets are fields of the form's own now
            from pypdf.generic import DictionaryObject

            root = self.reader.trailer["/Root"]
            acro_ref = root.raw_get("/AcroForm")
            if hasattr(acro_ref, "idnum"):
                acroform = self.edit(acro_ref.get_object())
            else:
                acroform = DictionaryObject(acro_ref)
                self.edit(root)[NameObject("/AcroForm")] = acroform
            acroform[NameObject("/Fields")] = ArrayObject(
                [*acroform["/Fields"], *self.extra_fields])
        out = io.BytesIO()
        out.write(blank)
        if not blank.endswith((b"\n", b"\r")):
            out.write(b"\n")
        offsets: dict[int, int] = {}
        for number in sorted(self.changed):
            offsets[number] = out.tell()
            out.write(f"{number} {self.generation[number]} obj\n".encode())
            self.changed[number].write_to_stream(out)
            out.write(b"\nendobj\n")
        xref_number = self.size
        offsets[xref_number] = out.tell()
        self.generation[xref_number] = 0
        numbers = sorted(offsets)
        rows = b"".join(bytes([1]) + offsets[n].to_bytes(4, "big")
                        + self.generation[n].to_bytes(2, "big") for n in numbers)
        index = " ".join(f"{n} 1" for n in numbers)
        trailer = self.reader.trailer
        info = trailer.raw_get("/Info") if "/Info" in trailer else None
        root = trailer.raw_get("/Root")
        head = (f"{xref_number} 0 obj\n<< /Type /XRef /Size {xref_number + 1} /W [1 4 2] "
                f"/Index [{index}] /Prev {_last_xref(blank)} "
                f"/Root {root.idnum} {root.generation} R "
                + (f"/Info {info.idnum} {info.generation} R " if info is not None else "")
                + f"/Length {len(rows)} >>\nstream\n")
        out.write(head.encode())
        out.write(rows)
        out.write(f"\nendstream\nendobj\nstartxref\n{offsets[xref_number]}\n%%EOF\n"
                  .encode())
        return out.getvalue()


def _last_xref(data: bytes) -> int:
    at = data.rfind(b"startxref")
    if at < 0:
        raise BlankError("no startxref")
    return int(data[at + 9:at + 40].split()[0])


def field_names(data: bytes) -> frozenset[str]:
    """The fully qualified names of the form's terminal fields (those with widgets)."""
    return Blank(data).names


def fill(data: bytes, texts: dict[str, str | tuple[str, ...]],
         checks: frozenset[str] = frozenset(),
         detach: tuple[tuple[str, int, str], ...] = ()) -> tuple[bytes, list[Overflow]]:
    """`Blank(data).fill(...)`, for one copy."""
    return Blank(data).fill(texts, checks, detach)


def read_values(data: bytes) -> dict[str, str]:
    """Field name → value as stored (`/V`): what a viewer shows and a test reads back."""
    reader = _reader(data)
    values: dict[str, str] = {}
    for page in reader.pages:
        for widget in _widgets(page):
            value = _value_holder(widget).get("/V")
            if value is not None:
                values[_full_name(widget)] = str(value)
    return values


def widgets(data: bytes) -> dict[str, list[Widget]]:
    """Field name → its widgets (page, rectangle): for tests and for laying out checks."""
    reader = _reader(data)
    found: dict[str, list[Widget]] = {}
    for number, page in enumerate(reader.pages):
        for widget in _widgets(page):
            rect = tuple(float(x) for x in widget["/Rect"])
            found.setdefault(_full_name(widget), []).append(
                Widget(number, (rect[0], rect[1], rect[2], rect[3])))
    return found


# --- internals ----------------------------------------------------------------------------


def _reader(data: bytes) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise BlankError("encrypted")
        root: Any = reader.trailer["/Root"]
        if "/AcroForm" not in root:
            raise BlankError("no AcroForm")
        return reader
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise BlankError(str(error) or type(error).__name__) from error


def _widgets(page: Any) -> list[Any]:
    annots = page.get("/Annots")
    if annots is None:
        return []
    out = []
    for ref in annots.get_object():
        annot = ref.get_object()
        if annot.get("/Subtype") == "/Widget":
            out.append(annot)
    return out


def _full_name(widget: Any) -> str:
    parts: list[str] = []
    node = widget
    seen = 0
    while node is not None and seen < 32:  # a cyclic /Parent chain must not hang us
        if "/T" in node:
            parts.append(str(node["/T"]))
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
        seen += 1
    return ".".join(reversed(parts))


def _value_holder(widget: Any) -> Any:
    """The field dictionary that holds /V: the widget itself, or its parent for a widget
    without a name of its own (a field with several widgets)."""
    if "/T" in widget or "/Parent" not in widget:
        return widget
    return widget["/Parent"].get_object()


def _inherited(widget: Any, key: str) -> Any:
    node = widget
    for _ in range(32):
        if node is None:
            return None
        if key in node:
            return node[key]
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return None


def _on_state(widget: Any) -> str:
    normal = widget.get("/AP", {}).get("/N", {})
    for state in normal:
        if state != "/Off":
            return str(state)
    return "/Yes"


class _Font(NamedTuple):
    name: str  # resource name, e.g. /CenturyGothic
    ref: Any  # the font dictionary (indirect)
    widths: tuple[float, ...]  # per code, in 1/1000 of the size
    ascent: float
    descent: float
    codes: dict[str, int]  # character → code in the font's encoding


def _fonts(acroform: Any) -> dict[str, _Font]:
    """The form's fonts that we can measure: those with /Widths (the embedded TrueType)."""
    resources = acroform.get("/DR", {}).get("/Font", {})
    fonts: dict[str, _Font] = {}
    for name, ref in resources.items():
        font = ref.get_object()
        widths = font.get("/Widths")
        if widths is None:
            continue
        first = int(font.get("/FirstChar", 0))
        table = [0.0] * 256
        for i, width in enumerate(widths):
            if 0 <= first + i < 256:
                table[first + i] = float(width)
        descriptor = font.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        fonts[str(name)] = _Font(str(name), ref, tuple(table),
                                 float(descriptor.get("/Ascent", 800)),
                                 float(descriptor.get("/Descent", -200)),
                                 _codes(font.get("/Encoding")))
    return fonts


def _codes(encoding: Any) -> dict[str, int]:
    """Character → code for a simple font's encoding (Mac Roman or WinAnsi, with the
    differences Socialstyrelsen's forms carry), for the characters we may write."""
    base = "/WinAnsiEncoding"
    differences: list[Any] = []
    if encoding is not None:
        encoding = encoding.get_object()
        if hasattr(encoding, "get"):
            base = str(encoding.get("/BaseEncoding", base))
            differences = list(encoding.get("/Differences", []))
        else:
            base = str(encoding)
    codec = "mac_roman" if base == "/MacRomanEncoding" else "cp1252"
    codes: dict[str, int] = {}
    for code in range(32, 256):
        try:
            char = bytes([code]).decode(codec)
        except UnicodeDecodeError:
            continue
        codes.setdefault(char, code)
    code = 0
    for item in differences:
        if isinstance(item, int) or str(item).lstrip("-").isdigit():
            code = int(item)
            continue
        glyph = _GLYPHS.get(str(item))
        if glyph is not None:
            for char, at in list(codes.items()):
                if at == code:
                    del codes[char]
            codes[glyph] = code
        code += 1
    return codes


_GLYPHS = {"/Euro": "€", "/A": "A"}


def _da(widget: Any, acroform_da: str = "") -> tuple[str, float]:
    da = str(_inherited(widget, "/DA") or acroform_da or "")
    parts = da.split()
    name, size = "", 0.0
    for i, part in enumerate(parts):
        if part == "Tf" and i >= 2:
            name, size = parts[i - 2], float(parts[i - 1])
    return name, size


def _pick_font(name: str, fonts: dict[str, _Font]) -> _Font | None:
    if name in fonts:
        return fonts[name]
    # /Helv (no widths, no embedded file) or no /DA: the form's own embedded font instead,
    # which measures exactly and draws the same on every viewer.
    for font in fonts.values():
        if "Bold" not in font.name:
            return font
    return next(iter(fonts.values()), None)


def _width(text: str, font: _Font, size: float) -> float:
    table, codes = font.widths, font.codes
    return sum(table[codes.get(char, 63)] for char in text) * size / 1000


def _wrap(text: str, font: _Font, size: float, width: float) -> list[str] | None:
    """Lines of `text` within `width`, broken at spaces (and at given newlines); None when
    a single word is wider than the field."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if _width(candidate, font, size) <= width:
                line = candidate
                continue
            if _width(word, font, size) > width:
                return None
            lines.append(line)
            line = word
        lines.append(line)
    return lines


def _layout(text: str, font: _Font, size: float, width: float, height: float,
            multiline: bool) -> tuple[float, list[str]] | None:
    """The font size and lines that fit, shrinking from the form's size; None: too long."""
    step = 0.5
    current = size
    while True:
        if multiline:
            lines = _wrap(text, font, current, width)
            if lines is not None and len(lines) * current * LEADING <= height:
                return current, lines
        elif "\n" not in text and _width(text, font, current) <= width:
            return current, [text]
        if current - step < (MIN_SIZE_MULTI if multiline else MIN_SIZE_SINGLE) - 1e-9:
            return None
        current -= step


def _escape(raw: bytes) -> bytes:
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _encode(text: str, font: _Font) -> bytes:
    return bytes(font.codes.get(char, 63) for char in text)


def _appearance(widget: Any, text: str, fonts: dict[str, _Font], acroform_da: str) -> Any:
    """The appearance stream of `widget` showing `text`, or None when it does not fit."""
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
    )

    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    width, height = abs(x1 - x0), abs(y1 - y0)
    da_name, da_size = _da(widget, acroform_da)
    font = _pick_font(da_name, fonts)
    if font is None:
        return None
    size = da_size or DEFAULT_SIZE
    multiline = bool(int(_inherited(widget, "/Ff") or 0) & MULTILINE)
    inner_w, inner_h = width - 2 * PADDING, height - 2 * PADDING
    fitted = _layout(text, font, size, inner_w, inner_h, multiline)
    if fitted is None:
        return None
    size, lines = fitted
    ascent, descent = font.ascent * size / 1000, font.descent * size / 1000
    quadding = int(_inherited(widget, "/Q") or 0)
    body = [b"/Tx BMC", b"q", b"BT", f"{font.name} {size:g} Tf 0 g".encode()]
    if multiline:
        baseline = height - PADDING - ascent * 0.85  # Century Gothic's ascent is generous
    else:
        baseline = (height - (ascent - descent)) / 2 - descent
    leading = size * LEADING
    for number, line in enumerate(lines):
        line_width = _width(line, font, size)
        x = PADDING
        if quadding == 1:
            x = (width - line_width) / 2
        elif quadding == 2:
            x = width - PADDING - line_width
        y = baseline - number * leading
        body.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm".encode())
        body.append(b"(" + _escape(_encode(line, font)) + b") Tj")
    body += [b"ET", b"Q", b"EMC"]
    stream = DecodedStreamObject()
    stream.set_data(b"\n".join(body))
    stream.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0),
                                          FloatObject(width), FloatObject(height)]),
        NameObject("/Resources"): DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject(font.name): font.ref}),
        }),
    })
    return stream


def write_file(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all (a temporary file renamed over it). Not fsynced,
    unlike the portfolio's own files: these are output, made again by running again, and
    syncing 50 MB of forms took seconds."""
    import contextlib
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before the rename
        mode="wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False)
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(data)
        os.chmod(temporary, 0o600)  # holds a personnummer: the owner's alone
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
