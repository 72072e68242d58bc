"""HAR checks shared by the test packages: the official HAR 1.2 JSON Schema, and no secrets.

The schema files are the har-schema project's (tests/api/har_schema/README.md), validated with
`jsonschema` under draft-06 rules, with `date-time`, `uri`, `ipv4` and `ipv6` formats checked
here (jsonschema checks them only with optional extras installed).
"""

from __future__ import annotations

import ipaddress
import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft6Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT6

SCHEMA_DIR = Path(__file__).resolve().parent / "api" / "har_schema"

_formats = FormatChecker(())


@_formats.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parsed = datetime.fromisoformat(value)
    return parsed.tzinfo is not None


@_formats.checks("uri", raises=ValueError)
def _uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc) and " " not in value


@_formats.checks("ipv4", raises=ValueError)
def _ipv4(value: object) -> bool:
    return not isinstance(value, str) or bool(ipaddress.IPv4Address(value))


@_formats.checks("ipv6", raises=ValueError)
def _ipv6(value: object) -> bool:
    return not isinstance(value, str) or bool(ipaddress.IPv6Address(value))


@cache
def _validator() -> Draft6Validator:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"].rstrip("#"), Resource(schema, DRAFT6)))
    registry: Registry[Any] = Registry().with_resources(resources)
    root = json.loads((SCHEMA_DIR / "har.json").read_text(encoding="utf-8"))
    return Draft6Validator(root, registry=registry, format_checker=_formats)


def validate_har(document: dict[str, Any]) -> None:
    """Raise jsonschema's ValidationError unless `document` is HAR 1.2 (and the bounds the
    schema states with a non-standard `min`: times are not negative)."""
    errors = sorted(_validator().iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        raise errors[0]
    assert document["log"]["version"] == "1.2"
    for entry in document["log"]["entries"]:
        assert entry["time"] >= 0, entry["time"]
        for name, value in entry["timings"].items():
            if name != "comment":
                assert value >= -1, (name, value)
        for message in entry.get("_webSocketMessages", ()):
            assert message["type"] in ("send", "receive")
            assert isinstance(message["time"], float) and message["opcode"] in (1, 2)
            assert isinstance(message["data"], str)


def assert_no_secret(data: bytes, secrets: list[str]) -> None:
    """No secret anywhere in `data`: as it is, nor JSON-escaped, nor percent-encoded."""
    from urllib.parse import quote

    assert secrets, "a check for no secrets needs secrets"
    for secret in secrets:
        assert secret, "an empty secret"
        forms = {secret, json.dumps(secret)[1:-1], quote(secret, safe=""), quote(secret)}
        for form in forms:
            assert form.encode() not in data, f"a secret ({len(secret)} characters) is in the file"
