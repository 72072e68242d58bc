"""CAdES-T end to end: an EDS signature with a timestamp token, through the real mock server.

The mock backend runs on 127.0.0.1 (a random port); tokens are stamped by the mock's own
clock, and times compare as aware datetimes, so nothing depends on this machine's zone.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx
import pytest
from asn1crypto import cms as asn1_cms
from testkit import DEMO, LiveServer

from cesec_desktop.api.client import CabinetClient, new_idempotency_key
from cesec_desktop.api.errors import ValidationFailed
from cesec_desktop.domain.enums import Currency, OrderType, Side
from cesec_desktop.domain.models.instructions import InstructionDraftRequest
from cesec_desktop.domain.models.orders import OrderDraftRequest
from cesec_desktop.domain.models.signing import EdsSignature
from cesec_desktop.mockserver import cms, pki, tsp

Factory = Callable[..., LiveServer]


def started(live_server_factory: Factory) -> tuple[LiveServer, datetime]:
    """The mock backend, and the genTime its tokens carry: a few seconds before its now."""
    live = live_server_factory()
    now = live.state.clock.now().astimezone(UTC)
    stamped = now - timedelta(seconds=7)
    return live, stamped.replace(microsecond=stamped.microsecond // 1000 * 1000)


async def signed_in(live: LiveServer) -> CabinetClient:
    client = CabinetClient(live.url, retry_delays=(0.01, 0.02))
    await client.login(*DEMO)
    return client


def order_request() -> OrderDraftRequest:
    return OrderDraftRequest(
        account_id="acc_demo_kzt",
        instrument_id="KASE:HSBK",
        side=Side.BUY,
        type=OrderType.LIMIT,
        price=Decimal("380.00"),
        quantity=Decimal("10"),
    )


def signed(text: str) -> bytes:
    cert, key = pki.load_demo_signer()
    return cms.sign_cms(text.encode(), cert, key)


def eds(der: bytes) -> EdsSignature:
    return EdsSignature(method="eds", cms=base64.b64encode(der).decode())


def tampered(text: str, stamped_at: datetime) -> bytes:
    """A good CMS over ``text`` carrying a token made for another signature of the text."""
    donor = asn1_cms.ContentInfo.load(tsp.add_timestamp(signed(text), now=stamped_at))
    attributes = donor["content"]["signer_infos"][0]["unsigned_attrs"]
    target = asn1_cms.ContentInfo.load(signed(text))
    target["content"]["signer_infos"][0]["unsigned_attrs"] = attributes
    return target.dump()


def test_an_order_signed_with_a_timestamp_is_placed_with_its_signing_time(
    live_server_factory: Factory,
) -> None:
    live, stamped_at = started(live_server_factory)

    async def scenario() -> None:
        client = await signed_in(live)
        draft = await client.create_order_draft(order_request())
        stamped = tsp.add_timestamp(signed(draft.document.text), now=stamped_at)
        order = await client.confirm_order(draft.draft_id, eds(stamped), new_idempotency_key())
        assert order.signature_method == "eds"
        assert order.signed_at == stamped_at
        assert (await client.order(order.id)).signed_at == stamped_at
        listed = await client.orders()
        assert {o.id: o.signed_at for o in listed.items}[order.id] == stamped_at

        # Without a token there is no signing time to record.
        draft = await client.create_order_draft(order_request())
        plain = await client.confirm_order(
            draft.draft_id, eds(signed(draft.document.text)), new_idempotency_key()
        )
        assert plain.signature_method == "eds" and plain.signed_at is None
        await client.aclose()

    asyncio.run(scenario())


def test_signed_at_is_iso_8601_with_a_zone_on_the_wire(live_server_factory: Factory) -> None:
    live, stamped_at = started(live_server_factory)
    with httpx.Client(base_url=f"{live.url}/api/v1") as http:
        login = http.post("/auth/login", json={"login": DEMO[0], "password": DEMO[1]})
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        draft = http.post(
            "/orders/drafts", headers=headers, json=order_request().model_dump(mode="json")
        ).json()
        stamped = tsp.add_timestamp(signed(draft["document"]["text"]), now=stamped_at)
        placed = http.post(
            "/orders",
            headers={**headers, "Idempotency-Key": new_idempotency_key()},
            json={"draft_id": draft["draft_id"], "signature": eds(stamped).model_dump()},
        )
        assert placed.status_code == 201, placed.text
        for body in (placed.json(), http.get("/orders", headers=headers).json()["items"][0]):
            wire = body["signed_at"]
            assert datetime.fromisoformat(wire) == stamped_at
            assert datetime.fromisoformat(wire).tzinfo is not None, wire


def test_a_tampered_timestamp_is_refused_in_words(live_server_factory: Factory) -> None:
    live, stamped_at = started(live_server_factory)

    async def scenario() -> None:
        client = await signed_in(live)
        before = {o.id for o in (await client.orders()).items}
        draft = await client.create_order_draft(order_request())
        with pytest.raises(ValidationFailed) as refused:
            await client.confirm_order(
                draft.draft_id,
                eds(tampered(draft.document.text, stamped_at)),
                new_idempotency_key(),
            )
        assert refused.value.status == 422
        assert refused.value.code == "timestamp_invalid"
        assert "tampered" in refused.value.message
        assert refused.value.details.get("reason") == "imprint_mismatch"
        assert {o.id for o in (await client.orders()).items} == before
        # The draft is not used up: the same document signed properly is accepted.
        good = tsp.add_timestamp(signed(draft.document.text), now=stamped_at)
        order = await client.confirm_order(draft.draft_id, eds(good), new_idempotency_key())
        assert order.signed_at == stamped_at
        await client.aclose()

    asyncio.run(scenario())


def test_a_withdrawal_signed_with_a_timestamp_records_its_signing_time(
    live_server_factory: Factory,
) -> None:
    live, stamped_at = started(live_server_factory)

    async def scenario() -> None:
        client = await signed_in(live)
        draft = await client.create_instruction_draft(
            InstructionDraftRequest(
                account_id="acc_demo_kzt",
                currency=Currency.KZT,
                amount=Decimal("100000.00"),
                recipient_iin=pki.DEMO_IIN,
                iban="KZ476010131000179714",
                bic="HSBKKZKX",
            )
        )
        stamped = tsp.add_timestamp(signed(draft.document.text), now=stamped_at)
        made = await client.confirm_instruction(draft.draft_id, eds(stamped), new_idempotency_key())
        assert (made.signature_method, made.signed_at) == ("eds", stamped_at)
        assert (await client.instruction(made.id)).signed_at == stamped_at
        listed = await client.instructions()
        assert {i.id: i.signed_at for i in listed.items}[made.id] == stamped_at
        await client.aclose()

    asyncio.run(scenario())
