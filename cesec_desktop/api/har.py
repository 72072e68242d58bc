"""Recorded traffic as HAR 1.2, redacted: entries, the stream's messages, fitting a size.

Each HTTP call is an entry; each stream connection is an entry for the stream's URL with its
frames in `_webSocketMessages` (`{"type": "send"|"receive", "time": <epoch s>, "opcode": 1,
"data": "..."}`), the way Chrome's dev tools write them, so the file opens in any HAR viewer.

Nothing leaves here unredacted, by the logs' own redactor (`logging_setup`): header values by
the header's name (`Authorization: Bearer ***`, cookies, API keys), query parameters and JSON
fields by their key (passwords, tokens, one-time codes, CMS and other signatures), then every
string by the text redactor as a second pass. A body that is not UTF-8 is not kept at all (it
could not be checked). A body or frame with no secret-looking key and nothing for the text
redactor is kept byte for byte.

Building is CPU work (JSON, regular expressions): run it off the UI thread.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from cesec_desktop import __version__
from cesec_desktop.api.traffic_log import (
    MAX_BODY_CAPTURE,
    Headers,
    HttpExchange,
    Snapshot,
    WsConnection,
    WsMessage,
)
from cesec_desktop.logging_setup import MASK, is_secret_key, may_hold_secret, redact, redact_json

HAR_VERSION = "1.2"
CREATOR = {"name": "cesec-desktop", "version": __version__}
WS_MESSAGES = "_webSocketMessages"
FRAME_SHARE = 0.25
"""Of a size limit, the part kept for stream frames when calls would fill it (`fit`)."""

_AUTH_HEADERS = frozenset({"authorization", "proxy-authorization"})
_JSON_KEY = re.compile(r'"((?:[^"\\]|\\.){1,80})"\s*:')
_CODE_KEY = re.compile(r"(?i)(?:[^\W_]{1,20}[_-]){0,3}codes?")
_key_verdicts: dict[str, bool] = {}
"""Key name -> whether it may hold a secret; keys repeat (every quote has the same ten)."""


# --- redaction -------------------------------------------------------------------------------


def _suspect_key(name: str) -> bool:
    verdict = _key_verdicts.get(name)
    if verdict is None:
        verdict = is_secret_key(name) or _CODE_KEY.fullmatch(name) is not None
        if len(_key_verdicts) < 10_000:  # a hostile server's made-up keys stay bounded
            _key_verdicts[name] = verdict
    return verdict


def redact_body(text: str) -> str:
    """A body or frame with its secrets masked: structurally if it is JSON, then as text."""
    # A JSON escape could spell a key the scans below do not see: `"\\u0070assword"` is a
    # password field once parsed. Such a text always takes the parsing way.
    escaped = "\\u" in text
    if not escaped and not may_hold_secret(text):
        return text  # the usual quote frame: not a word any redaction needs
    if not escaped and not any(_suspect_key(m.group(1)) for m in _JSON_KEY.finditer(text)):
        masked = redact(text)
        if masked == text:
            return text  # nothing to hide: keep it exactly as it was
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return redact(text)
    masked_value = redact_json(value)
    if masked_value == value:
        return text  # a suspect key that held nothing secret (`"code": "otp_invalid"`)
    return json.dumps(masked_value, ensure_ascii=False, separators=(",", ":"))


def redact_headers(headers: Headers) -> list[dict[str, str]]:
    out = []
    for name, value in headers:
        lowered = name.lower()
        if lowered in _AUTH_HEADERS:
            scheme, _, credentials = value.partition(" ")
            value = f"{scheme} {MASK}" if credentials else MASK
        elif is_secret_key(name):
            value = MASK
        else:
            value = redact(value)
        out.append({"name": name, "value": value})
    return out


def _secret_param(name: str, value: str) -> bool:
    return is_secret_key(name) or (
        _CODE_KEY.fullmatch(name) is not None and not re.fullmatch(r"[a-z][a-z0-9_.]*", value)
    )


def redact_url(url: str) -> tuple[str, list[dict[str, str]]]:
    """The URL with secret query values masked, and its query as HAR's `queryString`."""
    parts = urlsplit(url)
    found = parse_qsl(parts.query, keep_blank_values=True)
    pairs = [(name, MASK if _secret_param(name, value) else redact(value)) for name, value in found]
    # Re-encoded only when something was masked: otherwise the URL stays as it was sent.
    query = urlencode(pairs, safe="*:,") if pairs != found else parts.query
    netloc = parts.netloc.rpartition("@")[2]  # never user:password@
    clean = urlunsplit((parts.scheme, netloc, parts.path, query, ""))
    return clean, [{"name": name, "value": value} for name, value in pairs]


# --- entries ---------------------------------------------------------------------------------


def iso(epoch: float) -> str:
    """Epoch seconds as ISO 8601 in UTC: the same on every machine, whatever its zone."""
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds")


def _header(headers: Headers, name: str) -> str:
    name = name.lower()
    return next((v for k, v in headers if k.lower() == name), "")


def _decoded(body: bytes, encoding: str) -> tuple[bytes, bool]:
    """The body without its content-encoding (bounded), and whether that failed."""
    encoding = encoding.strip().lower()
    if encoding not in ("gzip", "deflate") or not body:
        return body, False
    for wbits in (31,) if encoding == "gzip" else (15, -15):
        try:
            inflater = zlib.decompressobj(wbits)
            return inflater.decompress(body, MAX_BODY_CAPTURE * 4), False
        except zlib.error:
            continue
    return b"", True


def _text(data: bytes, cut: bool) -> str | None:
    """The body as text; None if it is not UTF-8 (a body cut at the cap may end inside a
    character: those last bytes are dropped)."""
    ends = range(len(data), max(len(data) - 4, 0), -1) if cut and data else (len(data),)
    for end in ends:
        try:
            return data[:end].decode("utf-8")
        except UnicodeDecodeError:
            continue
    return None


def _content(body: bytes, headers: Headers, wire_size: int, cut: bool) -> dict[str, Any]:
    """HAR's `content` for a response body."""
    mime = _header(headers, "content-type") or "x-unknown"
    data, failed = _decoded(body, _header(headers, "content-encoding"))
    content: dict[str, Any] = {"size": len(data), "mimeType": mime}
    if data is not body:
        content["compression"] = max(0, len(data) - wire_size)
    comments = []
    text = None if failed else _text(data, cut)
    if text is None:
        comments.append(f"a body of {wire_size} bytes that is not text: not recorded")
    elif text:
        content["text"] = redact_body(text)
    if cut:
        comments.append(f"cut at {len(body)} of {wire_size} bytes")
    if comments:
        content["comment"] = "; ".join(comments)
    return content


def _headers_size(first_line: str, headers: Headers) -> int:
    return len(first_line) + 2 + sum(len(k) + len(v) + 4 for k, v in headers) + 2


def http_entry(exchange: HttpExchange) -> dict[str, Any]:
    url, query = redact_url(exchange.url)
    request: dict[str, Any] = {
        "method": exchange.method,
        "url": url,
        "httpVersion": exchange.http_version,
        "cookies": [],
        "headers": redact_headers(exchange.request_headers),
        "queryString": query,
        "headersSize": _headers_size(
            f"{exchange.method} {urlsplit(exchange.url).path} {exchange.http_version}",
            exchange.request_headers,
        ),
        "bodySize": exchange.request_body_size if exchange.request_body is not None else 0,
    }
    if exchange.request_body is not None:
        post: dict[str, Any] = {
            "mimeType": _header(exchange.request_headers, "content-type") or "x-unknown"
        }
        sent, size = exchange.request_body, exchange.request_body_size
        text = _text(sent, cut=size > len(sent))
        if text is None:
            post["comment"] = "a body that is not text: not recorded"
        else:
            post["text"] = redact_body(text)
            if size > len(sent):
                post["comment"] = f"cut at {len(sent)} of {size} bytes"
        request["postData"] = post
    cut = exchange.response_body_size > len(exchange.response_body)
    content = _content(
        exchange.response_body, exchange.response_headers, exchange.response_body_size, cut
    )
    response: dict[str, Any] = {
        "status": exchange.status,
        "statusText": exchange.reason,
        "httpVersion": exchange.http_version if exchange.status else "",
        "cookies": [],
        "headers": redact_headers(exchange.response_headers),
        "content": content,
        "redirectURL": _header(exchange.response_headers, "location"),
        "headersSize": (
            _headers_size(f"{exchange.http_version} {exchange.status}", exchange.response_headers)
            if exchange.status
            else -1
        ),
        "bodySize": exchange.response_body_size if exchange.status else -1,
    }
    entry: dict[str, Any] = {
        "startedDateTime": iso(exchange.started),
        "time": round(exchange.wait_ms + exchange.receive_ms, 3),
        "request": request,
        "response": response,
        "cache": {},
        "timings": {
            "blocked": -1,
            "dns": -1,
            "connect": -1,
            "ssl": -1,
            "send": 0,
            "wait": round(exchange.wait_ms, 3),
            "receive": round(exchange.receive_ms, 3),
        },
    }
    if exchange.error:
        response["_error"] = exchange.error
    return entry


def ws_entry(connection: WsConnection, messages: list[dict[str, Any]]) -> dict[str, Any]:
    """The stream connection's entry, its messages (from `ws_message`) included."""
    url, query = redact_url(connection.url)
    path = urlsplit(connection.url).path
    entry: dict[str, Any] = {
        "startedDateTime": iso(connection.started),
        "time": round(connection.handshake_ms, 3),
        "request": {
            "method": "GET",
            "url": url,
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": redact_headers(connection.request_headers),
            "queryString": query,
            "headersSize": _headers_size(f"GET {path} HTTP/1.1", connection.request_headers),
            "bodySize": 0,
        },
        "response": {
            "status": connection.status,
            "statusText": connection.reason,
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": redact_headers(connection.response_headers),
            "content": {"size": 0, "mimeType": "x-unknown"},
            "redirectURL": "",
            "headersSize": _headers_size(
                f"HTTP/1.1 {connection.status}", connection.response_headers
            ),
            "bodySize": 0,
        },
        "cache": {},
        "timings": {"send": 0, "wait": round(connection.handshake_ms, 3), "receive": 0},
        "_resourceType": "websocket",
        WS_MESSAGES: messages,
    }
    if connection.close_code is not None or connection.closed is not None:
        entry["_webSocketClose"] = {
            "code": connection.close_code,
            "time": connection.closed,
        }
    return entry


def ws_message(message: WsMessage) -> dict[str, Any]:
    data = message.data
    if isinstance(data, bytes | bytearray | memoryview):
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            return {
                "type": message.direction,
                "time": message.time,
                "opcode": 2,
                "data": "",
                "_comment": f"{len(data)} binary bytes: not recorded",
            }
    return {
        "type": message.direction,
        "time": message.time,
        "opcode": 1,
        "data": redact_body(data),
    }


def document(entries: list[dict[str, Any]], comment: str = "") -> dict[str, Any]:
    log: dict[str, Any] = {
        "version": HAR_VERSION,
        "creator": dict(CREATOR),
        "entries": sorted(entries, key=lambda e: e["startedDateTime"]),
    }
    if comment:
        log["comment"] = comment
    return {"log": log}


def build_har(snapshot: Snapshot, comment: str = "") -> dict[str, Any]:
    """The snapshot as a redacted HAR document."""
    entries = [http_entry(e) for e in snapshot.exchanges]
    grouped: dict[int, list[dict[str, Any]]] = {}
    for message in snapshot.messages:
        grouped.setdefault(message.connection, []).append(ws_message(message))
    since = snapshot.since
    for connection in snapshot.connections.values():
        messages = grouped.pop(connection.id, [])
        # A connection of the window, or one whose frames are in it.
        if messages or since is None or max(connection.started, connection.closed or 0) >= since:
            entries.append(ws_entry(connection, messages))
    notes = [comment] if comment else []
    if grouped:
        notes.append(f"{sum(map(len, grouped.values()))} frames of forgotten connections left out")
    return document(entries, "; ".join(notes))


def dumps(har: dict[str, Any], indent: int | None = None) -> bytes:
    return json.dumps(har, ensure_ascii=False, indent=indent).encode("utf-8")


# --- fitting a size --------------------------------------------------------------------------


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False).encode("utf-8")) + 1  # and its comma


def fit(har: dict[str, Any], max_bytes: int) -> bytes:
    """The document serialized in at most `max_bytes`: the newest calls first (up to three
    quarters of the room, more if frames leave some), then the newest stream frames; what is
    left out is counted in the log's comment."""
    data = dumps(har)
    if len(data) <= max_bytes:
        return data
    log = har["log"]
    calls = [(e, _size(e)) for e in log["entries"] if WS_MESSAGES not in e]
    streams = [e for e in log["entries"] if WS_MESSAGES in e]
    frames = [((i, m), _size(m)) for i, e in enumerate(streams) for m in e[WS_MESSAGES]]
    heads = sum(_size({**e, WS_MESSAGES: []}) for e in streams)
    budget = max_bytes - _size({**log, "entries": []}) - heads - 400  # 400: the comment
    while budget > 0:
        call_room = int(budget * (1 - FRAME_SHARE))
        kept_calls, used = _newest(calls, call_room)
        kept_frames, frame_bytes = _newest(frames, budget - used)
        if len(kept_calls) < len(calls):
            # The room frames did not take goes to older calls.
            kept_calls, _ = _newest(calls, budget - frame_bytes)
        kept_streams = [{**e, WS_MESSAGES: []} for e in streams]
        for index, message in kept_frames:
            kept_streams[index][WS_MESSAGES].append(message)
        comment = (
            f"trimmed to fit {max_bytes} bytes: {len(calls) - len(kept_calls)} older calls "
            f"and {len(frames) - len(kept_frames)} older stream messages left out"
        )
        if log.get("comment"):
            comment = f"{log['comment']}; {comment}"
        data = dumps(document(kept_calls + kept_streams, comment))
        if len(data) <= max_bytes:
            return data
        budget -= max(1024, len(data) - max_bytes)
    return dumps(document([], f"nothing fits in {max_bytes} bytes"))


def _newest(items: list[tuple[Any, int]], budget: int) -> tuple[list[Any], int]:
    """The newest items (the list is oldest first, with sizes) that fit `budget`, in order."""
    kept: list[Any] = []
    used = 0
    for item, cost in reversed(items):
        if used + cost <= budget:
            kept.append(item)
            used += cost
    kept.reverse()
    return kept, used


# --- what a preview shows --------------------------------------------------------------------


@dataclass(frozen=True)
class HarLine:
    """One entry in a few words: a call, or a stream connection with its frame counts."""

    started: str
    method: str
    url: str
    status: int
    time_ms: float
    sent: int = 0
    received: int = 0
    error: str = ""


def summarize(har: dict[str, Any]) -> list[HarLine]:
    """The document's entries, oldest first, for a person to skim."""
    lines = []
    for entry in har["log"]["entries"]:
        messages = entry.get(WS_MESSAGES)
        path = urlsplit(entry["request"]["url"])
        target = path.path + (f"?{path.query}" if path.query else "")
        lines.append(
            HarLine(
                started=entry["startedDateTime"],
                method="WS" if messages is not None else entry["request"]["method"],
                url=target,
                status=entry["response"]["status"],
                time_ms=entry["time"],
                sent=sum(1 for m in messages or () if m["type"] == "send"),
                received=sum(1 for m in messages or () if m["type"] == "receive"),
                error=entry["response"].get("_error", ""),
            )
        )
    return lines
