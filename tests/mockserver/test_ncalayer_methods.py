"""Every method the mock NCALayer answers, in the shapes of ncalayer-js-client's recording.

Exchange numbers refer to the library's test/test-data.json (tests/interop replays them all
through the library itself); here each method and error is checked on the wire.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from interop.signature_checks import check_cms, check_xml
from websockets.asyncio.client import ClientConnection, connect

from cesec_desktop.mockserver import pki
from cesec_desktop.mockserver.ncalayer import MockNCALayer, _parse_args
from cesec_desktop.signing.cms_result import normalize_cms_result

UTILS = "kz.gov.pki.knca.commonUtils"
DOCUMENT = "Поручение на вывод 10 000 KZT\n".encode()
B64 = base64.b64encode(DOCUMENT).decode()
HASH = hashlib.sha256(DOCUMENT).digest()
XML = "<tag>data</tag>"
MISMATCH = "java.lang.IllegalArgumentException: argument type mismatch. Method: "


def _run(scenario: Callable[[], Awaitable[None]], timeout: float = 20) -> None:
    async def bounded() -> None:
        await asyncio.wait_for(scenario(), timeout)

    asyncio.run(bounded())


@asynccontextmanager
async def _session(**options: Any) -> AsyncIterator[tuple[MockNCALayer, ClientConnection]]:
    """A plain-ws mock and a connection whose greeting was read."""
    server = MockNCALayer(port=0, tls=False, **options)
    await server.start()
    try:
        async with connect(server.url) as ws:
            greeting = json.loads(await ws.recv())
            assert set(greeting) == {"result"}
            yield server, ws
    finally:
        await server.stop()


async def _raw(ws: ClientConnection, request: dict[str, Any]) -> str:
    await ws.send(json.dumps(request))
    answer = await ws.recv()
    assert isinstance(answer, str)
    return answer


async def _utils(ws: ClientConnection, method: str, args: list[Any] | None = None) -> Any:
    request: dict[str, Any] = {"module": UTILS, "method": method}
    if args is not None:
        request["args"] = args
    return json.loads(await _raw(ws, request))


def _basics(data: object, signing_params: object, fmt: str = "cms") -> dict[str, Any]:
    """A basics sign request exactly as ncalayer-js-client builds it."""
    return {
        "module": "kz.gov.pki.knca.basics",
        "method": "sign",
        "args": {
            "allowedStorages": None,
            "format": fmt,
            "data": data,
            "signingParams": signing_params,
            "signerParams": {"extKeyUsageOids": []},
            "locale": "ru",
        },
    }


def test_get_key_info_describes_the_signer_certificate() -> None:
    async def scenario() -> None:
        async with _session() as (server, ws):
            raw = await _raw(ws, {"module": UTILS, "method": "getKeyInfo", "args": ["PKCS12"]})
            assert raw.startswith('{"responseObject":{') and raw.endswith('},"code":"200"}')
            info = json.loads(raw)["responseObject"]
            cert = server.signer_cert
            assert list(info) == [
                "alias",
                "keyId",
                "algorithm",
                "subjectCn",
                "subjectDn",
                "issuerCn",
                "issuerDn",
                "serialNumber",
                "certNotAfter",
                "certNotBefore",
                "authorityKeyIdentifier",
                "pem",
            ]
            assert all(isinstance(value, str) for value in info.values())
            assert info["subjectCn"] == pki.DEMO_SIGNER_NAME
            assert info["issuerCn"] == pki.CA_NAME
            assert info["algorithm"] == "EC"
            assert int(info["serialNumber"], 16) == cert.serial_number
            assert int(info["certNotBefore"]) == int(cert.not_valid_before_utc.timestamp()) * 1000
            assert int(info["certNotAfter"]) == int(cert.not_valid_after_utc.timestamp()) * 1000
            assert info["pem"].startswith("-----BEGIN CERTIFICATE-----\n")
            assert re.fullmatch(r"[0-9a-f]{40}", info["keyId"])
            assert re.fullmatch(r"[0-9a-f]{40}", info["authorityKeyIdentifier"])

    _run(scenario)


@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("getKeyInfo", [None]),  # exchange 3
        ("getKeyInfo", [1]),  # exchange 4
        ("createCAdESFromBase64", ["AKKaztokenStore", 123, "MTEK", False]),  # exchange 7
        ("createCMSSignatureFromBase64", ["AKKaztokenStore", [7, 7, 7], "MTEK", False]),  # 16
        ("createCAdESFromBase64", ["PKCS12", "SIGNATURE", "MTEK", "yes"]),
        ("signXml", ["AKKaztokenStore", "123", 555, "", ""]),  # exchange 21
        ("signXmls", ["AKKaztokenStore", "123", XML, "", ""]),  # exchange 26
        ("changeLocale", [2]),  # exchange 30
    ],
)
def test_argument_type_mismatch_is_javas_text_in_any_mode(method: str, args: list[Any]) -> None:
    async def scenario() -> None:
        async with _session(mode="cancel") as (_, ws):
            raw = await _raw(ws, {"module": UTILS, "method": method, "args": args})
            assert raw == json.dumps(
                {"code": "500", "message": MISMATCH + method}, separators=(",", ":")
            )

    _run(scenario)


def test_wrong_argument_count_and_unknown_method() -> None:
    async def scenario() -> None:
        async with _session() as (_, ws):
            reply = await _utils(ws, "signXml", ["PKCS12", "SIGNATURE", XML])
            assert reply == {
                "code": "500",
                "message": "java.lang.IllegalArgumentException: wrong number of arguments",
            }
            reply = await _utils(ws, "nope", [])
            assert reply == {"code": "500", "message": "java.lang.NoSuchMethodException: nope"}

    _run(scenario)


@pytest.mark.parametrize("attached", [True, False])
@pytest.mark.parametrize("method", ["createCMSSignatureFromBase64", "createCAdESFromBase64"])
def test_cms_from_base64_verifies(method: str, attached: bool) -> None:
    async def scenario() -> None:
        async with _session() as (_, ws):
            # The key type is free text: the recording accepts "123" (exchange 17).
            reply = await _utils(ws, method, ["PKCS12", "123", B64, attached])
            assert list(reply) == ["responseObject", "code"] and reply["code"] == "200"
            check_cms(reply["responseObject"], content=DOCUMENT, attached=attached)

    _run(scenario)


def test_cades_from_hash_signs_the_given_hash_and_an_empty_one_is_a_bare_500() -> None:
    async def scenario() -> None:
        async with _session() as (_, ws):
            args = ["PKCS12", "SIGNATURE", base64.b64encode(HASH).decode()]
            reply = await _utils(ws, "createCAdESFromBase64Hash", args)
            check_cms(reply["responseObject"], digest=HASH, attached=False)
            # Not a hash at all is still signed, as the recording shows (exchange 13).
            odd = b"25d4f2a86deb  -\n"
            args = ["PKCS12", "AUTHENTICATION", base64.b64encode(odd).decode()]
            reply = await _utils(ws, "createCAdESFromBase64Hash", args)
            check_cms(reply["responseObject"], digest=odd, attached=False)
            raw = await _raw(
                ws,
                {"module": UTILS, "method": "createCAdESFromBase64Hash", "args": ["P", "1", ""]},
            )
            assert raw == '{"code":"500"}'  # exchange 12

    _run(scenario)


def test_sign_xml_is_enveloped_with_crlf_and_the_recorded_digest() -> None:
    async def scenario() -> None:
        async with _session() as (_, ws):
            reply = await _utils(ws, "signXml", ["PKCS12", "SIGNATURE", XML, "", ""])
            signed = reply["responseObject"]
            assert signed.startswith(
                '<?xml version="1.0" encoding="UTF-8" standalone="no"?><tag>data'
                '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">\r\n<ds:SignedInfo>'
            )
            assert signed.endswith("</ds:Signature></tag>")
            # The same document's digest as real NCALayer's (exchange 23): same C14N.
            assert "<ds:DigestValue>soDZFGIUsZ1x0sK/7x1bJvtGeQsO0BKOVwAvKxC3RJY=<" in signed
            check_xml(signed, XML)

            documents = [XML, '<a xmlns="urn:x"><b id="1">Заявка &amp; KZT</b></a>']
            reply = await _utils(ws, "signXmls", ["PKCS12", "123", documents, "", ""])
            assert len(reply["responseObject"]) == 2
            for signed, document in zip(reply["responseObject"], documents, strict=True):
                check_xml(signed, document)

    _run(scenario)


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (
            "<this>is not a valid XML",  # exchange 22, verbatim
            "lineNumber: 1; columnNumber: 25; "
            "XML document structures must start and end within the same entity.",
        ),
        ("", "lineNumber: 1; columnNumber: 1; Premature end of file."),
        ("hello", "lineNumber: 1; columnNumber: 1; Content is not allowed in prolog."),
        ("<a/><b/>", "lineNumber: 1; columnNumber: 5; Content is not allowed in trailing section."),
        (
            "<a></b>",
            'lineNumber: 1; columnNumber: 8; The element type "a" must be terminated by the '
            'matching end-tag "</a>".',
        ),
    ],
)
def test_bad_xml_is_a_sax_parse_exception_before_any_dialog(xml: str, message: str) -> None:
    async def scenario() -> None:
        async with _session(mode="cancel") as (_, ws):
            reply = await _utils(ws, "signXml", ["PKCS12", "123", xml, "", ""])
            assert reply == {"code": "500", "message": "org.xml.sax.SAXParseException; " + message}
            reply = await _utils(ws, "signXmls", ["PKCS12", "123", [XML, xml], "", ""])
            assert reply["message"] == "org.xml.sax.SAXParseException; " + message

    _run(scenario)


def test_change_locale_and_cancel_shapes() -> None:
    async def scenario() -> None:
        async with _session(mode="cancel", active_tokens=["AKKaztokenStore"]) as (_, ws):
            for locale in ("ru", "en", "kz"):
                assert (
                    await _raw(ws, {"module": UTILS, "method": "changeLocale", "args": [locale]})
                    == '{"code":"200"}'
                )
            # No dialog, so Cancel cannot happen: the tokens are listed (exchange 2).
            reply = await _utils(ws, "getActiveTokens")
            assert reply == {"responseObject": ["AKKaztokenStore"], "code": "200"}
            for method, args in [
                ("getKeyInfo", ["PKCS12"]),
                ("createCAdESFromBase64", ["PKCS12", "SIGNATURE", B64, False]),
                ("createCMSSignatureFromBase64", ["PKCS12", "SIGNATURE", B64, True]),
                ("createCAdESFromBase64Hash", ["PKCS12", "SIGNATURE", B64]),
                ("signXml", ["PKCS12", "SIGNATURE", XML, "", ""]),
                ("signXmls", ["PKCS12", "SIGNATURE", [XML], "", ""]),
            ]:
                raw = await _raw(ws, {"module": UTILS, "method": method, "args": args})
                assert raw == '{"code":"500","message":"action.canceled"}', method

    _run(scenario)


def test_basics_default_result_is_pem_the_desktop_client_accepts() -> None:
    async def scenario() -> None:
        async with _session() as (_, ws):
            reply = json.loads(await _raw(ws, _basics(B64, {})))  # exchange 35
            assert list(reply) == ["body", "status"]
            result = reply["body"]["result"]
            assert re.fullmatch(
                r"-----BEGIN CMS-----\n([A-Za-z0-9+/=]{64}\n)*[A-Za-z0-9+/=]{1,64}\n"
                r"-----END CMS-----\n",
                result,
            )
            # "{}" decodes and encapsulates; no tsaProfile, no timestamp.
            check_cms(result, content=DOCUMENT, attached=True)
            assert base64.b64decode(normalize_cms_result(result)) == base64.b64decode(
                "".join(result.splitlines()[1:-1])
            )
            many = json.loads(await _raw(ws, _basics([B64, B64], {})))["body"]["result"]
            assert len(many) == 2
            for cms in many:
                check_cms(cms, content=DOCUMENT, attached=True)

    _run(scenario)


def test_basics_xml_answers_an_array_with_lf_layout() -> None:
    async def scenario() -> None:
        async with _session() as (_, ws):
            reply = json.loads(await _raw(ws, _basics(XML, {}, fmt="xml")))  # exchange 48
            (signed,) = reply["body"]["result"]
            assert "\r" not in signed and '#">\n<ds:SignedInfo>\n' in signed
            check_xml(signed, XML)
            reply = json.loads(await _raw(ws, _basics("<x>", {}, fmt="xml")))
            assert reply["status"] is False and reply["code"] == "INVOCATION_ERROR"
            assert reply["details"].startswith("org.xml.sax.SAXParseException; lineNumber: 1;")

    _run(scenario)


def test_basics_digested_and_timestamped() -> None:
    async def scenario() -> None:
        async with _session() as (_, ws):
            params = {"decode": True, "encapsulate": False, "digested": True, "tsaProfile": {}}
            hash_b64 = base64.b64encode(HASH).decode()
            reply = json.loads(await _raw(ws, _basics(hash_b64, params)))  # exchange 40
            check_cms(reply["body"]["result"], digest=HASH, attached=False, timestamped=True)

            params = {"decode": True, "encapsulate": False, "digested": True, "tsaProfile": None}
            reply = json.loads(await _raw(ws, _basics(hash_b64, params)))
            check_cms(reply["body"]["result"], digest=HASH, attached=False, timestamped=False)

            params = {"decode": True, "encapsulate": True, "digested": False, "tsaProfile": {}}
            reply = json.loads(await _raw(ws, _basics(B64, params)))  # exchange 41
            check_cms(reply["body"]["result"], content=DOCUMENT, attached=True, timestamped=True)

            params["encapsulate"] = False  # exchange 38
            reply = json.loads(await _raw(ws, _basics(B64, params)))
            check_cms(reply["body"]["result"], content=DOCUMENT, attached=False, timestamped=True)

    _run(scenario)


def test_signing_params_that_is_not_an_object_is_the_recorded_failure() -> None:
    async def scenario() -> None:
        async with _session(mode="cancel") as (_, ws):
            raw = await _raw(ws, _basics("MTEK", 555))  # exchange 33, byte for byte
            assert raw == (
                '{"code":"INVOCATION_ERROR","details":"org.json.JSONException: '
                'JSONObject[\\"signingParams\\"] is not a JSONObject.","message":'
                '"An invoked method threw an exception.","status":false}'
            )

    _run(scenario)


def test_kaztoken_answers_get_version_and_ncalayer_fails_it() -> None:
    get_version = {"module": "kz.digiflow.mobile.extensions", "method": "getVersion"}

    async def scenario() -> None:
        server = MockNCALayer(port=0, tls=False, app="kaztoken")
        await server.start()
        try:
            async with connect(server.url) as ws:
                assert await ws.recv() == '{"result":{"version":"1.2"}}'
                assert await _raw(ws, get_version) == (
                    '{"code":"200","responseObject":'
                    '{"name":"KAZTOKENdesktop","version":"1.2.758.648"}}'
                )
        finally:
            await server.stop()
        async with _session() as (_, ws):
            reply = json.loads(await _raw(ws, get_version))
            assert reply["status"] is False and reply["code"] == "MODULE_NOT_FOUND"

    _run(scenario)


def test_command_line_options() -> None:
    args = _parse_args(["--app", "kaztoken", "--tokens", "PKCS12, AKKaztokenStore,"])
    assert args.app == "kaztoken"
    assert args.tokens == ["PKCS12", "AKKaztokenStore"]
    defaults = _parse_args([])
    assert (defaults.app, defaults.tokens, defaults.result_shape) == ("ncalayer", [], "pem")
