"""NCALayer's errors, and its signing result turned into one clean base64 CMS.

The exceptions live here, in the leaf module, so that `ncalayer` can import this one without
a cycle; `ncalayer` re-exports them.
"""

from __future__ import annotations

import base64
import binascii
import re

# Real NCALayer builds answer with bare base64, a one-element array, or PEM-style armour
# (seen as CMS and as PKCS7): the label must match at both ends, anything else is refused.
_ARMOUR_RE = re.compile(r"\A\s*-----BEGIN (CMS|PKCS7)-----(.*?)-----END \1-----\s*\Z", re.DOTALL)
_DER_SEQUENCE = 0x30


class NcaLayerError(Exception):
    """NCALayer failed, or answered something unusable; ``code`` tells the UI which."""

    def __init__(self, code: str, message: str = "", details: str = "") -> None:
        super().__init__(f"{code}: {message}" if message else code)
        self.code = code
        self.message = message
        self.details = details


class NcaLayerNotRunning(NcaLayerError):
    """Nothing listens at NCALayer's address: the user has to start (or install) it."""

    def __init__(self, message: str = "NCALayer is not running") -> None:
        super().__init__("not_running", message)


class NcaLayerCancelled(NcaLayerError):
    """The user closed NCALayer's dialog without signing."""

    def __init__(self, message: str = "the user cancelled signing in NCALayer") -> None:
        super().__init__("cancelled", message)


def normalize_cms_result(result: object) -> str:
    """``body.result`` (string, one-element array or armoured text) as single-line base64."""
    if isinstance(result, list):
        if len(result) != 1:
            raise NcaLayerError("bad_result", f"expected one signature, got {len(result)}")
        result = result[0]
    if not isinstance(result, str):
        raise NcaLayerError("bad_result", f"the result is a {type(result).__name__}, not text")
    text = result
    armour = _ARMOUR_RE.match(text)
    if armour is not None:
        text = armour.group(2)
    elif "-----" in text:
        raise NcaLayerError("bad_result", "the result has unknown or unbalanced armour")
    # Line breaks (CRLF included) and stray blanks are common in wrapped base64.
    compact = "".join(text.split())
    try:
        der = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError) as exc:
        # The text itself is never put in the message: it is a signature over client data.
        raise NcaLayerError("bad_result", "the result is not valid base64") from exc
    if not der or der[0] != _DER_SEQUENCE:
        raise NcaLayerError("bad_result", "the result is not a DER-encoded CMS")
    return base64.b64encode(der).decode("ascii")
