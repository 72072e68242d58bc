"""Reading NCALayer requests: what real NCALayer refuses before it shows any dialog.

The refusals carry the Java texts of ncalayer-js-client 1.5.6's recording (test/test-data.json):
a positional argument of the wrong JSON type is reflection's "argument type mismatch"
(exchanges 3, 4, 7, 16, 21, 26, 30), a non-object ``signingParams`` is org.json's
JSONException (exchange 33), an empty hash is a bare code 500 (exchange 12).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from cesec_desktop.mockserver.ncalayer_xml import XmlError, check_xml

Kind = Literal["str", "bool", "strs"]

# commonUtils methods and their positional parameters, as Java declares them.
UTILS_SIGNATURES: dict[str, tuple[Kind, ...]] = {
    "getActiveTokens": (),
    "getKeyInfo": ("str",),
    "changeLocale": ("str",),
    "createCAdESFromBase64": ("str", "str", "str", "bool"),
    "createCMSSignatureFromBase64": ("str", "str", "str", "bool"),
    "createCAdESFromBase64Hash": ("str", "str", "str"),
    "signXml": ("str", "str", "str", "str", "str"),
    "signXmls": ("str", "str", "strs", "str", "str"),
}
_MISMATCH = "java.lang.IllegalArgumentException: argument type mismatch. Method: "
_WRONG_COUNT = "java.lang.IllegalArgumentException: wrong number of arguments"


class BadRequest(Exception):
    """A request refused before any dialog; ``message`` None means a bare code 500."""

    def __init__(self, message: str | None) -> None:
        super().__init__(message or "")
        self.message = message


@dataclass(frozen=True)
class BasicsSign:
    """A ``kz.gov.pki.knca.basics`` ``sign`` request, checked."""

    format: Literal["cms", "xml"]
    # cms: the bytes to sign, or the given hashes when digested; xml: UTF-8 documents.
    items: list[bytes]
    # data was an array: the answer is an array too (exchange 49).
    many: bool
    encapsulate: bool
    digested: bool
    # tsaProfile is an object: the CMS gets an RFC 3161 timestamp (CAdES-T).
    timestamp: bool


def parse_basics_sign(args: object) -> BasicsSign:
    """The checked request, or BadRequest with the INVOCATION_ERROR details."""
    if not isinstance(args, dict):
        raise BadRequest('org.json.JSONException: JSONObject["args"] not found.')
    fmt = args.get("format")
    if fmt not in ("cms", "xml"):
        raise BadRequest(f"unsupported format: {fmt!r} (the mock signs cms and xml)")
    params = args.get("signingParams")
    if params is None:
        # The mock's own leniency, kept from before: the library always sends an object.
        params = {}
    if not isinstance(params, dict):
        raise BadRequest('org.json.JSONException: JSONObject["signingParams"] is not a JSONObject.')
    # With "{}" (the library's basicsCMSParams, exchanges 34, 35, 49) the mock decodes and
    # encapsulates. The recording cannot tell: its CMS bodies are stripped. The library always
    # sends base64 (normalizeDataToSign), so decoding is the only reading that signs the
    # user's bytes; encapsulating keeps the mock's earlier default.
    decode = params.get("decode", True)
    encapsulate = params.get("encapsulate", True)
    digested = params.get("digested", False)
    if not all(isinstance(v, bool) for v in (decode, encapsulate, digested)):
        raise BadRequest("signingParams decode, encapsulate and digested must be booleans")
    data = args.get("data")
    many = isinstance(data, list)
    texts = data if isinstance(data, list) else [data]
    if not texts or not all(isinstance(item, str) for item in texts):
        raise BadRequest('org.json.JSONException: JSONObject["data"] is not a string.')
    if fmt == "xml":
        for text in texts:
            _check_xml(text)
        items = [text.encode("utf-8") for text in texts]
    elif digested or decode:
        # A hash always travels as base64, whatever "decode" says.
        items = [b64decode(text) for text in texts]
    else:
        items = [text.encode("utf-8") for text in texts]
    return BasicsSign(
        format=fmt,
        items=items,
        many=many,
        encapsulate=encapsulate and not digested,
        digested=digested,
        timestamp=isinstance(params.get("tsaProfile"), dict),
    )


def check_utils_args(method: str, args: object) -> list[object]:
    """The positional arguments of a known commonUtils method, or BadRequest."""
    kinds = UTILS_SIGNATURES[method]
    if args is None and not kinds:
        # The library sends no "args" for getActiveTokens (exchange 1), our client "[]".
        return []
    if not isinstance(args, list) or len(args) != len(kinds):
        raise BadRequest(_WRONG_COUNT)
    if not all(_is_kind(value, kind) for value, kind in zip(args, kinds, strict=True)):
        raise BadRequest(_MISMATCH + method)
    return list(args)


def check_xmls(texts: Sequence[str]) -> None:
    """Parse each XML document, as signXml(s) does before its dialog (exchange 22)."""
    for text in texts:
        _check_xml(text)


def b64decode(text: str) -> bytes:
    """Strict base64 (whitespace allowed, as line-wrapped input is common), or BadRequest."""
    try:
        return base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise BadRequest(f"java.lang.IllegalArgumentException: Illegal base64: {exc}") from exc


def _check_xml(text: str) -> None:
    """BadRequest with Java's SAXParseException text when ``text`` is not XML."""
    try:
        check_xml(text)
    except XmlError as exc:
        raise BadRequest(str(exc)) from exc


def _is_kind(value: object, kind: Kind) -> bool:
    """Whether a JSON value converts to the Java parameter type (null never does)."""
    if kind == "str":
        return isinstance(value, str)
    if kind == "bool":
        return isinstance(value, bool)
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
