"""The HTML reports in a real headless Chromium, driven over the DevTools protocol.

For every report of the sample (the annual report of each ST year, the final report; in
Swedish and English), a report at a past date, and a portfolio whose every free-text field
holds HTML and script: the page loads with no console error, no exception, no dialog and
no network request besides the file itself (a blocked load is a console error too); the
three SVG charts are drawn; no element is wider than its page, in print media at the A4
content width and on screen at 1280 px and 390 px (a phone); the page prints to A4 and
`pdftotext` reads the PDF: no zero-width or soft-hyphen characters in the text, every page
carries its number ("Sida 3 av 9") and the trainee's name, no page ends with a heading,
and the page count stays within the bound stated per report.

Needs Debian's `chromium` (`apt-get install -y chromium`); `ST_CHROMIUM` names another
binary. Without one the tests skip and say why (under CI, `CI=true`, they fail instead).
Set `ST_REPORT_ARTIFACTS=DIR` to keep the screenshots and PDFs.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from stcli.cli import app
from tests.conftest import requires
from tests.test_report import PERSONNUMMER, SAMPLE, _hostile_portfolio

AS_OF = "2026-11-29"  # the sample in ST year 4: years 1-3 complete, 4 under way
A4_POINTS = (595.0, 842.0)  # 210 × 297 mm
A4_CONTENT_PX = 688  # 210 mm less the 14 + 14 mm margins of @page, at 96 px per inch
TIMEOUT = 60.0


def _chromium() -> str | None:
    for candidate in (os.environ.get("ST_CHROMIUM"), "chromium", "chromium-browser",
                      "google-chrome", "google-chrome-stable"):
        if candidate and (path := shutil.which(candidate)):
            return path
    return None


CHROMIUM = _chromium()
pytestmark = requires(
    CHROMIUM is not None,
    "no Chromium to open the HTML reports in: install it with `apt-get install -y chromium` "
    "(or set ST_CHROMIUM)")


# --- a minimal WebSocket client (RFC 6455), enough for the DevTools protocol -----------------


class WebSocket:
    def __init__(self, port: int, path: str) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("DevTools closed the connection")
            response += chunk
        head, self.buffer = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise ConnectionError(head.decode(errors="replace"))

    def send(self, text: str) -> None:
        payload = text.encode()
        header = bytearray([0x81])
        length = len(payload)
        if length < 126:
            header.append(0x80 | length)
        elif length < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack(">H", length)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", length)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(bytes(header) + mask + masked)

    def _read(self, n: int) -> bytes:
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise ConnectionError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def receive(self) -> str:
        message = b""
        while True:
            first, second = self._read(2)
            opcode, length = first & 0x0F, second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if second & 0x80 else b""
            data = self._read(length)
            if mask:
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
            if opcode == 0x8:
                raise ConnectionError("DevTools closed the WebSocket")
            if opcode == 0x9:  # ping: answer, then go on reading
                continue
            message += data
            if first & 0x80 and opcode in (0x0, 0x1, 0x2):
                return message.decode()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()


class DevTools:
    """One page target of a browser, with the events it sent collected."""

    def __init__(self, ws: WebSocket) -> None:
        self.ws = ws
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]

    def call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            reply = json.loads(self.ws.receive())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self.events.append(reply)
        raise TimeoutError(method)

    def page(self, method: str, **params: Any) -> dict[str, Any]:
        return self.call(method, session=True, **params)

    def wait_for(self, method: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            for event in self.events:
                if event["method"] == method:
                    self.events.remove(event)
                    return event
            reply = json.loads(self.ws.receive())
            if "method" in reply:
                self.events.append(reply)
        raise TimeoutError(method)

    def evaluate(self, expression: str) -> Any:
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebSocket]:
    assert CHROMIUM is not None
    profile = tmp_path_factory.mktemp("chromium-profile")
    log = (profile.parent / "chromium.log").open("wb")
    process = subprocess.Popen([
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-default-apps", "--disable-extensions",
        "--no-default-browser-check", "--mute-audio", f"--user-data-dir={profile}",
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank",
    ], stdout=log, stderr=log, stdin=subprocess.DEVNULL)
    try:
        active = profile / "DevToolsActivePort"
        deadline = time.monotonic() + TIMEOUT
        while not (active.exists() and len(active.read_text().split()) >= 2):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Chromium did not start (exit {process.poll()}); "
                            f"see {profile.parent / 'chromium.log'}")
            time.sleep(0.05)
        port, path = active.read_text().split()[:2]
        ws = WebSocket(int(port), path)
        yield ws
        ws.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def _report(args: list[str], target: Path) -> Path:
    result = CliRunner().invoke(app, ["report", *args, "--format", "html", "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


def _open(browser: WebSocket, html: Path) -> tuple[DevTools, str]:
    tools = DevTools(browser)
    for domain in ("Page", "Runtime", "Network", "Log"):
        tools.page(f"{domain}.enable")
    url = html.resolve().as_uri()
    tools.page("Page.navigate", url=url)
    tools.wait_for("Page.loadEventFired")
    tools.evaluate("document.fonts.ready.then(() => true)")
    return tools, url


def _problems(tools: DevTools, url: str) -> list[str]:
    problems = []
    for event in tools.events:
        method, params = event["method"], event.get("params", {})
        if method == "Network.requestWillBeSent" and params["request"]["url"] != url:
            problems.append(f"request: {params['request']['url']}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append(f"console.{params['type']}: {params.get('args')}")
        elif method == "Runtime.exceptionThrown":
            problems.append(f"exception: {params.get('exceptionDetails')}")
        elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            problems.append(f"log: {params['entry'].get('text')}")
        elif method == "Page.javascriptDialogOpening":
            problems.append(f"dialog: {params.get('message')}")
    return problems


def _pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of each page object of a PDF (Chromium's are plain)."""
    sizes = []
    for match in re.finditer(rb"/Type\s*/Page(?![s\w])", pdf):
        start = pdf.rfind(b"<<", 0, match.start())
        box = re.search(rb"/MediaBox\s*\[\s*([\d.\-]+)\s+([\d.\-]+)\s+([\d.\-]+)\s+"
                        rb"([\d.\-]+)\s*\]", pdf[start:match.end() + 400])
        if box is None:  # inherited from the page tree
            box = re.search(rb"/MediaBox\s*\[\s*([\d.\-]+)\s+([\d.\-]+)\s+([\d.\-]+)\s+"
                            rb"([\d.\-]+)\s*\]", pdf)
        assert box is not None
        x0, y0, x1, y1 = (float(v) for v in box.groups())
        sizes.append((x1 - x0, y1 - y0))
    return sizes


# Every element's box inside the page, and nothing scrolling sideways.
_TOO_WIDE = """(width => [...document.querySelectorAll('body *')].filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && (box.right > width + 1 || box.left < -1
        || (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0
            && getComputedStyle(e).overflowX !== 'visible'));
}).map(e => e.tagName + ': ' + e.outerHTML.slice(0, 100)))"""

# Characters that would travel unseen into a form when text is copied from the PDF.
HIDDEN = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def _widths(tools: DevTools) -> None:
    """No element wider than its page: A4 print width, a laptop and a phone screen."""
    for media, width in (("print", A4_CONTENT_PX), ("screen", 1280), ("screen", 390)):
        tools.page("Emulation.setEmulatedMedia", media=media)
        tools.page("Emulation.setDeviceMetricsOverride", width=width, height=1000,
                   deviceScaleFactor=1, mobile=width < 600)
        too_wide = tools.evaluate(f"{_TOO_WIDE}({width})")
        assert too_wide == [], (media, width, too_wide[:5])
        assert tools.evaluate("document.documentElement.scrollWidth") <= width + 1, (media,
                                                                                      width)
    tools.page("Emulation.clearDeviceMetricsOverride")
    tools.page("Emulation.setEmulatedMedia", media="")


def _pdftotext(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", *pages, str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def _check(browser: WebSocket, html: Path, name: str, pages: tuple[int, int],
           trainee: str | None = None, lang: str = "sv", charts: int = 3) -> str:
    tools, url = _open(browser, html)
    assert tools.evaluate("document.querySelectorAll('svg').length") == charts
    # every chart has drawn shapes of a real size
    assert tools.evaluate(
        "[...document.querySelectorAll('svg')].every(s => s.getBBox().width > 100"
        " && s.querySelectorAll('rect').length > 0)")
    assert tools.evaluate("document.querySelectorAll('script, img, iframe, a').length") == 0
    assert tools.evaluate("document.documentElement.lang") == lang

    shot = base64.b64decode(tools.page("Page.captureScreenshot", format="png",
                                       captureBeyondViewport=True)["data"])
    assert shot.startswith(b"\x89PNG\r\n\x1a\n") and len(shot) > 10_000
    _widths(tools)
    headings = [h.strip() for h in tools.evaluate(
        "[...document.querySelectorAll('h2, h3')].map(h => h.innerText)")]

    pdf = base64.b64decode(tools.page("Page.printToPDF", preferCSSPageSize=True,
                                      printBackground=True)["data"])
    assert pdf.startswith(b"%PDF-")
    sizes = _pdf_pages(pdf)
    assert pages[0] <= len(sizes) <= pages[1], len(sizes)
    for width, height in sizes:
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (width, height)
    target = html.with_suffix(".pdf")
    target.write_bytes(pdf)
    if shutil.which("pdftotext"):
        text = _pdftotext(target)
        assert not HIDDEN.search(text), HIDDEN.findall(text)[:5]
        total = len(sizes)
        heading_then_one_line = False  # the page before ended with a heading and one line
        for number in range(1, total + 1):
            lines = [line.strip() for line in _pdftotext(target, number).splitlines()
                     if line.strip()]
            page_mark = (f"Sida {number} av {total}" if lang == "sv"
                         else f"Page {number} of {total}")
            assert any(page_mark in line for line in lines), (number, lines[-3:])
            if trainee:
                assert any(trainee in line for line in lines[-3:]), (number, lines[-3:])
            # A heading stays with what follows it: never the last line of a page's content
            # (before the margin), and when it is the last but one, that one line is the
            # whole section (the next page begins with a heading).
            body = [line for line in lines if page_mark not in line
                    and not (trainee and line.startswith(trainee))]
            if heading_then_one_line:
                assert body and body[0] in headings, (number, body[:1])
            if number < total:
                assert body and body[-1] not in headings, (number, body[-1:])
                heading_then_one_line = len(body) > 1 and body[-2] in headings
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True,
                              check=True).stdout
        assert re.search(rf"Pages:\s+{len(sizes)}\n", info) and "(A4)" in info

    problems = _problems(tools, url)
    assert problems == [], problems
    artifacts = os.environ.get("ST_REPORT_ARTIFACTS")
    if artifacts:
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        (Path(artifacts) / f"{name}.png").write_bytes(shot)
        (Path(artifacts) / f"{name}.pdf").write_bytes(pdf)
    text_shown: str = tools.evaluate("document.body.innerText")
    return text_shown


# Every report of the sample at AS_OF and the page counts a reader may expect of it.
SAMPLE_REPORTS = [
    ("annual-1", ["--annual", "--year", "1"], (3, 12)),
    ("annual-2", ["--annual", "--year", "2"], (3, 12)),
    ("annual-3", ["--annual", "--year", "3"], (3, 12)),
    ("annual-4", ["--annual", "--year", "4"], (3, 12)),
    ("final", ["--final"], (6, 18)),
]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("name, args, pages", SAMPLE_REPORTS,
                         ids=[name for name, _, _ in SAMPLE_REPORTS])
def test_sample_report_prints_as_a_document(browser: WebSocket, tmp_path: Path, name: str,
                                            args: list[str], pages: tuple[int, int],
                                            lang: str) -> None:
    html = _report([*args, "--lang", lang, "--as-of", AS_OF, str(SAMPLE)],
                   tmp_path / f"{name}.html")
    text = _check(browser, html, f"sample-{name}-{lang}", pages, "Elin Åkesson", lang)
    if name.startswith("annual"):
        assert ("Underskrifter" if lang == "sv" else "Signatures") in text
        assert ("Huvudhandledare" if lang == "sv" else "Main supervisor") in text
    else:
        assert ("Signeras av" if lang == "sv" else "Signed by") in text


def test_report_at_a_past_date_knows_nothing_later(browser: WebSocket, tmp_path: Path) -> None:
    """The year-1 report at 2024-09-15 was 14 pages, half of them warnings about sessions
    after the date; and placements were shown signed on a later day."""
    html = _report(["--annual", "--year", "1", "--as-of", "2024-09-15", str(SAMPLE)],
                   tmp_path / "annual-1-past.html")
    text = _check(browser, html, "sample-annual-1-past", (3, 12), "Elin Åkesson")
    assert "D010" not in text
    assert not re.search(r"signerat\s+2025", text)


@pytest.mark.parametrize("kind", [["--annual", "--year", "1"], ["--final"]])
def test_hostile_portfolio_stays_inert_in_chromium(browser: WebSocket, tmp_path: Path,
                                                   kind: list[str]) -> None:
    root = _hostile_portfolio(tmp_path / "p")
    html = _report([*kind, "--as-of", "2025-03-01", str(root)], tmp_path / "hostile.html")
    text = _check(browser, html, f"hostile-{kind[0][2:]}", (2, 20))
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert PERSONNUMMER not in text
