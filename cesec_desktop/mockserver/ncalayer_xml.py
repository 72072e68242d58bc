"""XML signing as NCALayer does it: enveloped XMLDSig appended to the document's root.

The shape is the one ncalayer-js-client's recording shows (test/test-data.json, exchanges 23
to 29 and 48): ``<?xml version="1.0" encoding="UTF-8" standalone="no"?>`` glued to the root,
a ``ds:`` prefixed Signature as the root's last child, inclusive C14N 1.0 for SignedInfo,
the enveloped-signature and C14N-with-comments transforms, SHA-256, base64 wrapped at 76
characters and one line break between elements (CRLF from commonUtils, LF from basics).
Canonicalisation is lxml's (libxml2) and the key operation cryptography's: only the layout
is written here, so that the bytes match the recording.
"""

from __future__ import annotations

import base64
import hashlib
import re
import textwrap
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from cesec_desktop.mockserver.pki import PrivateKey

if TYPE_CHECKING:
    from lxml import etree

DSIG_NS = "http://www.w3.org/2000/09/xmldsig#"
C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
C14N_WITH_COMMENTS = C14N + "#WithComments"
ENVELOPED = DSIG_NS + "enveloped-signature"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
# Apache Santuario (behind NCALayer) wraps base64 at 76 characters, as MIME does.
_BASE64_WIDTH = 76
# Stands in for the signature while lxml serialises the document; never valid user XML.
_PLACEHOLDER = "cesec-mock-signature-placeholder"

# libxml2 error codes mapped to the texts Java's parser (Xerces) gives for the same fault.
_XERCES_TEXTS = {
    5: "Content is not allowed in trailing section.",
    77: "XML document structures must start and end within the same entity.",
}
_TAG_MISMATCH = 76
_DOCUMENT_EMPTY = 4
_MISMATCH_RE = re.compile(r"mismatch: (\S+) line")
_POSITION_RE = re.compile(r", line \d+, column \d+$")


class XmlError(Exception):
    """XML that Java's parser refuses; ``str()`` is NCALayer's message for it."""


def _lxml() -> Any:
    """lxml's etree, imported on the first XML request: the desktop bundle leaves lxml out
    (its demo signs CMS only), and the mock NCALayer must start there without it."""
    from lxml import etree

    return etree


def sign_xml(text: str, cert: x509.Certificate, key: PrivateKey, *, line_break: str) -> str:
    """``text`` with an enveloped XMLDSig signature, laid out with ``line_break``."""
    etree = _lxml()
    tree = _parse(text)
    root = tree.getroot()
    # Enveloped + URI="": the document without the signature and without comments (a
    # same-document reference drops them, XMLDSig 4.3.3.3), canonicalised.
    digest = hashlib.sha256(etree.tostring(tree, method="c14n", with_comments=False)).digest()
    method = ECDSA_SHA256 if isinstance(key, ec.EllipticCurvePrivateKey) else RSA_SHA256
    signed_info = _signed_info(method, base64.b64encode(digest).decode("ascii"), line_break)
    # SignedInfo is canonicalised in place: inclusive C14N takes the namespaces in scope
    # from the document, and a parser turns CRLF into LF, as any verifier will see it.
    holder = etree.fromstring(f'<ds:Signature xmlns:ds="{DSIG_NS}">{signed_info}</ds:Signature>')
    root.append(holder)
    to_sign = etree.tostring(holder[0], method="c14n")
    root.remove(holder)
    signature = _sign(to_sign, key)
    cert_der = cert.public_bytes(serialization.Encoding.DER)
    lb = line_break
    signature_xml = (
        f'<ds:Signature xmlns:ds="{DSIG_NS}">{lb}{signed_info}{lb}'
        f"<ds:SignatureValue>{lb}{_wrap(signature, lb)}{lb}</ds:SignatureValue>{lb}"
        f"<ds:KeyInfo>{lb}<ds:X509Data>{lb}"
        f"<ds:X509Certificate>{lb}{_wrap(cert_der, lb)}{lb}</ds:X509Certificate>{lb}"
        f"</ds:X509Data>{lb}</ds:KeyInfo>{lb}</ds:Signature>"
    )
    root.append(etree.Element(_PLACEHOLDER))
    body = etree.tostring(tree, encoding="unicode")
    return DECLARATION + body.replace(f"<{_PLACEHOLDER}/>", signature_xml, 1)


def check_xml(text: str) -> None:
    """Raise XmlError unless ``text`` parses: NCALayer refuses bad XML before any dialog."""
    _parse(text)


def _parse(text: str) -> etree._ElementTree:
    """The document, or XmlError in Java's words; no network, no external entities."""
    etree = _lxml()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise XmlError(_xerces_message(text, exc)) from exc
    if _PLACEHOLDER in text:
        raise XmlError("the mock reserves the name " + _PLACEHOLDER)
    return root.getroottree()


def _xerces_message(text: str, exc: etree.XMLSyntaxError) -> str:
    """``org.xml.sax.SAXParseException; lineNumber: L; columnNumber: C; text``, as recorded."""
    line, column = exc.lineno or 1, (exc.offset or 0) + 1
    message = _XERCES_TEXTS.get(exc.code)
    if exc.code == _DOCUMENT_EMPTY:
        message = "Premature end of file." if not text.strip() else None
        message = message or "Content is not allowed in prolog."
    elif exc.code == _TAG_MISMATCH:
        match = _MISMATCH_RE.search(exc.msg)
        if match:
            name = match.group(1)
            message = (
                f'The element type "{name}" must be terminated by the matching end-tag "</{name}>".'
            )
    if message is None:
        # No Xerces text known for this fault: libxml2's own, without its position suffix.
        message = _POSITION_RE.sub("", exc.msg).strip() + "."
    return f"org.xml.sax.SAXParseException; lineNumber: {line}; columnNumber: {column}; {message}"


def _signed_info(method: str, digest_b64: str, lb: str) -> str:
    """The SignedInfo element, laid out as the recording shows it."""
    return (
        f"<ds:SignedInfo>{lb}"
        f'<ds:CanonicalizationMethod Algorithm="{C14N}"/>{lb}'
        f'<ds:SignatureMethod Algorithm="{method}"/>{lb}'
        f'<ds:Reference URI="">{lb}<ds:Transforms>{lb}'
        f'<ds:Transform Algorithm="{ENVELOPED}"/>{lb}'
        f'<ds:Transform Algorithm="{C14N_WITH_COMMENTS}"/>{lb}'
        f"</ds:Transforms>{lb}"
        f'<ds:DigestMethod Algorithm="{SHA256}"/>{lb}'
        f"<ds:DigestValue>{digest_b64}</ds:DigestValue>{lb}"
        f"</ds:Reference>{lb}</ds:SignedInfo>"
    )


def _sign(data: bytes, key: PrivateKey) -> bytes:
    """The SignatureValue bytes: PKCS#1 v1.5 for RSA, r||s (RFC 4050) for ECDSA."""
    if isinstance(key, ec.EllipticCurvePrivateKey):
        r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
        size = (key.curve.key_size + 7) // 8
        return r.to_bytes(size, "big") + s.to_bytes(size, "big")
    return key.sign(data, padding.PKCS1v15(), hashes.SHA256())


def _wrap(data: bytes, line_break: str) -> str:
    """Base64 of ``data`` in lines of 76 characters."""
    return line_break.join(textwrap.wrap(base64.b64encode(data).decode("ascii"), _BASE64_WIDTH))
