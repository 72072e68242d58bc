"""Problem reports for the broker's support desk: what a report carries, and filing it.

The attachments are the user's to see and to drop: a screenshot of the window, the log's
last lines with secrets redacted (`logging_setup.recent_lines`), and the last minutes of the
app's network traffic as a HAR file (the session's `TrafficRecorder` ring, redacted by the same
redactor), trimmed so that everything fits the desk's limits.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import ipaddress
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, Signal
from PySide6.QtGui import QImage

from cesec_desktop.domain.enums import Environment, SupportComponent, SupportPriority
from cesec_desktop.logging_setup import recent_lines

if TYPE_CHECKING:
    from cesec_desktop.api.har import HarLine
    from cesec_desktop.domain.models.support import SupportRequest, SupportRequestCreate
    from cesec_desktop.state.session import Session
    from cesec_desktop.state.traffic import TrafficRecorder

LOG_LINES = 200
SCREENSHOT_NAME = "screenshot.png"
LOG_NAME = "cesec-desktop-log.txt"
MAX_SCREENSHOT_BYTES = 2_500_000
"""Below the API's ~3 MB per attachment (4 MB of base64) and, with a log excerpt of a few
dozen kilobytes, well below the 5 MB the desk accepts per request."""
TRAFFIC_NAME = "cesec-desktop-traffic.har"
TRAFFIC_CONTENT_TYPE = "application/json"
TRAFFIC_MINUTES = (1, 5, 15, 30)
"""What the user may choose to attach; the ring keeps up to 30 minutes."""
DEFAULT_TRAFFIC_MINUTES = 5
MAX_ATTACHMENT_BYTES = 3_000_000
"""One attachment's limit in the API: `SupportAttachment.data` holds 4,000,000 base64
characters."""
MAX_ATTACHMENTS_BYTES = 5 * 1024 * 1024
"""What the desk accepts for all the attachments of one request, decoded (API.md "Support
requests"; the mock refuses more with 422 attachments_too_large)."""
ATTACHMENTS_MARGIN = 64 * 1024
"""Room kept under the desk's limit (a log excerpt read again may be a little longer)."""


@dataclass(frozen=True)
class ProblemReport:
    """What the user filled in, and the attachments they kept ticked."""

    summary: str
    details: str
    component: SupportComponent
    priority: SupportPriority
    environment: Environment
    screenshot_png: bytes | None = None
    log_text: str | None = None
    traffic_har: bytes | None = None


@dataclass(frozen=True)
class TrafficExcerpt:
    """The last minutes of traffic as the desk will get them: a redacted HAR file trimmed to
    its room, with what a preview shows."""

    minutes: float
    data: bytes
    """The HAR file's bytes, as attached."""
    pretty: str
    """The same document indented, for reading."""
    lines: list[HarLine] = field(default_factory=list)
    calls: int = 0
    messages: int = 0
    trimmed: bool = False
    """Older entries were left out to fit the room."""

    @property
    def empty(self) -> bool:
        return not self.lines


def traffic_room(*others: bytes | None) -> int:
    """Bytes a traffic file may take beside the other attachments."""
    used = sum(len(other) for other in others if other)
    return max(0, min(MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_BYTES - used - ATTACHMENTS_MARGIN))


def traffic_excerpt(recorder: TrafficRecorder, minutes: float, max_bytes: int) -> TrafficExcerpt:
    """The last `minutes` of the recorder's ring, redacted and fitted into `max_bytes`.

    CPU work (redaction, JSON): call it off the UI thread (`gather_traffic_excerpt`).
    """
    from cesec_desktop.api.har import WS_MESSAGES, dumps, fit, summarize

    document = recorder.recent(minutes)
    whole = len(dumps(document))
    data = fit(document, max_bytes)
    fitted: dict[str, Any] = json.loads(data) if len(data) != whole else document
    entries = fitted["log"]["entries"]
    return TrafficExcerpt(
        minutes=minutes,
        data=data,
        pretty=json.dumps(fitted, ensure_ascii=False, indent=1),
        lines=summarize(fitted),
        calls=sum(1 for e in entries if WS_MESSAGES not in e),
        messages=sum(len(e.get(WS_MESSAGES, ())) for e in entries),
        trimmed=len(data) != whole,
    )


async def gather_traffic_excerpt(
    recorder: TrafficRecorder, minutes: float, max_bytes: int
) -> TrafficExcerpt:
    return await asyncio.to_thread(traffic_excerpt, recorder, minutes, max_bytes)


def _is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def environment_for(server_url: str, demo: bool) -> Environment:
    """TEST for the demo and for a mock on this computer; PROD for a real server."""
    if demo or not server_url:
        return Environment.TEST
    host = urlsplit(server_url).hostname or ""
    return Environment.TEST if _is_loopback(host) else Environment.PROD


def log_excerpt(count: int = LOG_LINES) -> str:
    """The log's last `count` lines, secrets masked (reads a file: call it off the UI thread)."""
    return "\n".join(recent_lines(count))


async def gather_log_excerpt(count: int = LOG_LINES) -> str:
    return await asyncio.to_thread(log_excerpt, count)


def png_bytes(image: QImage, limit: int = MAX_SCREENSHOT_BYTES) -> bytes:
    """The image as PNG, scaled down until it fits `limit` (a 4K screen can exceed it).

    QImage, unlike QPixmap, may be encoded outside the GUI thread.
    """
    current = image
    while True:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        current.save(buffer, "PNG")
        buffer.close()
        encoded = bytes(data.data())
        if len(encoded) <= limit or current.width() < 200:
            return encoded
        current = current.scaledToWidth(
            int(current.width() * 0.7), Qt.TransformationMode.SmoothTransformation
        )


async def encode_screenshot(image: QImage) -> bytes:
    return await asyncio.to_thread(png_bytes, image)


def build_request(report: ProblemReport) -> SupportRequestCreate:
    """The API body: the texts trimmed, the kept attachments in base64."""
    from cesec_desktop.domain.models.support import SupportAttachment, SupportRequestCreate

    attachments: list[SupportAttachment] = []
    if report.screenshot_png:
        attachments.append(
            SupportAttachment(
                name=SCREENSHOT_NAME,
                content_type="image/png",
                data=base64.b64encode(report.screenshot_png).decode("ascii"),
            )
        )
    if report.log_text:
        attachments.append(
            SupportAttachment(
                name=LOG_NAME,
                content_type="text/plain; charset=utf-8",
                data=base64.b64encode(report.log_text.encode("utf-8")).decode("ascii"),
            )
        )
    if report.traffic_har:
        attachments.append(
            SupportAttachment(
                name=TRAFFIC_NAME,
                content_type=TRAFFIC_CONTENT_TYPE,
                data=base64.b64encode(report.traffic_har).decode("ascii"),
            )
        )
    return SupportRequestCreate(
        summary=report.summary.strip(),
        details=report.details.strip(),
        component=report.component,
        priority=report.priority,
        environment=report.environment,
        attachments=attachments,
    )


class SupportDesk(QObject):
    """Files reports and lists the user's requests through the session.

    Signals:
        requestFiled(SupportRequest): the desk registered a new request.
    """

    requestFiled = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._key: str | None = None
        self._fingerprint = ""

    def _key_for(self, body: SupportRequestCreate) -> str:
        """The same report sent again (a retry after a lost answer) reuses its key, so the
        desk registers it once; a changed report is a new request with a new key."""
        from cesec_desktop.api.client import new_idempotency_key

        fingerprint = hashlib.sha256(
            json.dumps(body.model_dump(mode="json"), sort_keys=True).encode()
        ).hexdigest()
        if self._key is None or fingerprint != self._fingerprint:
            self._key = new_idempotency_key()
            self._fingerprint = fingerprint
        return self._key

    async def file(self, report: ProblemReport) -> SupportRequest:
        """Send the report; raises the api's typed errors (the form keeps what was typed)."""
        body = build_request(report)
        key = self._key_for(body)
        filed = await self.session.call(
            lambda client: client.create_support_request(body, idempotency_key=key)
        )
        self._key = None
        self.requestFiled.emit(filed)
        return filed

    @property
    def traffic(self) -> TrafficRecorder | None:
        """The session's traffic recorder (None for a session without one)."""
        return getattr(self.session, "traffic", None)

    async def requests(self) -> list[SupportRequest]:
        """The user's requests, newest first."""
        return await self.session.call(lambda client: client.support_requests())
