"""The committed docs/openapi.json is exactly what the mock serves."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from export_openapi import TARGET, render  # noqa: E402


def test_committed_openapi_matches_the_served_document(client: TestClient) -> None:
    served = client.get("/openapi.json").json()
    committed = json.loads(TARGET.read_text(encoding="utf-8"))
    assert served == committed, "run `python scripts/export_openapi.py` after an API change"
    assert TARGET.read_text(encoding="utf-8") == render()


def test_every_api_md_call_is_in_the_document() -> None:
    paths = json.loads(TARGET.read_text(encoding="utf-8"))["paths"]
    expected = {
        ("post", "/api/v1/auth/login"),
        ("post", "/api/v1/auth/refresh"),
        ("post", "/api/v1/auth/logout"),
        ("post", "/api/v1/auth/password"),
        ("get", "/api/v1/me"),
        ("get", "/api/v1/clients"),
        ("get", "/api/v1/markets"),
        ("get", "/api/v1/instruments"),
        ("get", "/api/v1/quotes"),
        ("get", "/api/v1/instruments/{instrument_id}/candles"),
        ("get", "/api/v1/watchlists"),
        ("put", "/api/v1/watchlists/{market}"),
        ("get", "/api/v1/accounts"),
        ("get", "/api/v1/portfolio"),
        ("get", "/api/v1/portfolio/history"),
        ("post", "/api/v1/orders/drafts"),
        ("post", "/api/v1/instructions/drafts"),
        ("post", "/api/v1/sms-challenges"),
        ("post", "/api/v1/orders"),
        ("get", "/api/v1/orders"),
        ("get", "/api/v1/orders/{order_id}"),
        ("post", "/api/v1/orders/{order_id}/cancel"),
        ("get", "/api/v1/transactions"),
        ("get", "/api/v1/transactions/{transaction_id}"),
        ("get", "/api/v1/banks"),
        ("post", "/api/v1/instructions"),
        ("get", "/api/v1/instructions"),
        ("get", "/api/v1/instructions/{instruction_id}"),
        ("post", "/api/v1/support/requests"),
        ("get", "/api/v1/support/requests"),
        ("get", "/mock/sms-outbox"),
        ("post", "/mock/reset"),
        ("post", "/mock/clock"),
        ("post", "/mock/market-hours"),
        ("post", "/mock/faults"),
        ("post", "/mock/orders/{order_id}/fill"),
        ("post", "/mock/orders/{order_id}/reject"),
        ("post", "/mock/instructions/{instruction_id}/advance"),
    }
    present = {(method, path) for path, ops in paths.items() for method in ops}
    assert expected <= present, sorted(expected - present)
