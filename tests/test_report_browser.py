"""The HTML reports in a real headless Chromium, driven over the DevTools protocol.

Checks, for the sample's annual report (ST year 2), its final report and a portfolio whose
every free-text field holds HTML and script: the page loads with no console error, no
exception, no dialog and no network request besides the file itself (the Content Security
Policy blocks nothing either, since a blocked load is a console error); the three SVG
charts are drawn; at the width of an A4 page in print media no table is wider than the
page; a screenshot is taken; and the page prints to an A4 PDF whose pages are counted.

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

AS_OF = "2026-03-15"
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


def _check(browser: WebSocket, html: Path, name: str, pages: tuple[int, int]) -> str:
    tools, url = _open(browser, html)
    assert tools.evaluate("document.querySelectorAll('svg').length") == 3
    # every chart has drawn shapes of a real size
    assert tools.evaluate(
        "[...document.querySelectorAll('svg')].every(s => s.getBBox().width > 100"
        " && s.querySelectorAll('rect').length > 0)")
    assert tools.evaluate("document.querySelectorAll('script, img, iframe, a').length") == 0

    shot = base64.b64decode(tools.page("Page.captureScreenshot", format="png",
                                       captureBeyondViewport=True)["data"])
    assert shot.startswith(b"\x89PNG\r\n\x1a\n") and len(shot) > 10_000

    # printed on A4: the page's content width, print media; no table wider than the page
    tools.page("Emulation.setEmulatedMedia", media="print")
    tools.page("Emulation.setDeviceMetricsOverride", width=A4_CONTENT_PX, height=1000,
               deviceScaleFactor=1, mobile=False)
    too_wide = tools.evaluate(
        "[...document.querySelectorAll('table, svg, figure')]"
        f".filter(e => e.getBoundingClientRect().right > {A4_CONTENT_PX} + 1"
        " || e.scrollWidth > e.clientWidth + 1).map(e => e.outerHTML.slice(0, 120))")
    assert too_wide == [], too_wide
    assert tools.evaluate("document.documentElement.scrollWidth") <= A4_CONTENT_PX + 1
    tools.page("Emulation.clearDeviceMetricsOverride")

    pdf = base64.b64decode(tools.page("Page.printToPDF", preferCSSPageSize=True,
                                      printBackground=True)["data"])
    assert pdf.startswith(b"%PDF-")
    sizes = _pdf_pages(pdf)
    assert pages[0] <= len(sizes) <= pages[1], len(sizes)
    for width, height in sizes:
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (width, height)
    if shutil.which("pdfinfo"):
        target = html.with_suffix(".pdf")
        target.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True,
                              check=True).stdout
        assert f"Pages:{' ' * 10}{len(sizes)}" in re.sub(r"Pages:\s+", "Pages:" + " " * 10,
                                                        info)
        assert "(A4)" in info

    problems = _problems(tools, url)
    assert problems == [], problems
    artifacts = os.environ.get("ST_REPORT_ARTIFACTS")
    if artifacts:
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        (Path(artifacts) / f"{name}.png").write_bytes(shot)
        (Path(artifacts) / f"{name}.pdf").write_bytes(pdf)
    text: str = tools.evaluate("document.body.innerText")
    return text


def test_annual_report_in_chromium(browser: WebSocket, tmp_path: Path) -> None:
    html = _report(["--annual", "--year", "2", "--as-of", AS_OF, str(SAMPLE)],
                   tmp_path / "annual.html")
    text = _check(browser, html, "sample-annual-2", (4, 14))
    assert "Årsrapport ST-år 2" in text and "Underskrifter" in text


def test_final_report_in_chromium(browser: WebSocket, tmp_path: Path) -> None:
    html = _report(["--final", "--as-of", AS_OF, str(SAMPLE)], tmp_path / "final.html")
    text = _check(browser, html, "sample-final", (4, 20))
    assert "Tjänstgöringsförteckning" in text and "22,99" in text


@pytest.mark.parametrize("kind", [["--annual", "--year", "1"], ["--final"]])
def test_hostile_portfolio_stays_inert_in_chromium(browser: WebSocket, tmp_path: Path,
                                                   kind: list[str]) -> None:
    root = _hostile_portfolio(tmp_path / "p")
    html = _report([*kind, "--as-of", "2025-03-01", str(root)], tmp_path / "hostile.html")
    text = _check(browser, html, f"hostile-{kind[0][2:]}", (2, 20)).replace("\u200b", "")
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert PERSONNUMMER not in text
