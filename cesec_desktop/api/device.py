"""Who is calling: this computer's name and the app's version, sent with every call.

The server shows them in the user's list of sessions and remembered computers, so the user
can tell "my laptop" from a stranger's. No Qt here (the api layer has none): the name comes
from the OS through the standard library.
"""

from __future__ import annotations

import platform
import socket
import unicodedata
from functools import cache

from cesec_desktop import __version__

DEVICE_NAME_HEADER = "X-Device-Name"
USER_AGENT_HEADER = "User-Agent"
MAX_DEVICE_NAME = 100
"""What the server keeps of a device name; a longer one is cut here, not there."""
UNKNOWN_DEVICE = "Unknown computer"


def clean_device_name(raw: str) -> str:
    """`raw` as one printable line of at most `MAX_DEVICE_NAME` characters.

    Letters of any script are kept (a computer may well be called "Асель-ПК"); control
    characters, line breaks and other invisible ones, which could split a header or fool a
    list, are dropped, and runs of spaces become one.
    """
    kept = []
    for char in raw:
        if char.isspace():
            kept.append(" ")
        elif char.isprintable() and unicodedata.category(char) not in ("Cf", "Co", "Cs"):
            kept.append(char)
    return " ".join("".join(kept).split())[:MAX_DEVICE_NAME].strip()


@cache
def device_name() -> str:
    """This computer's name as the OS reports it, cleaned; `UNKNOWN_DEVICE` if it has none."""
    for source in (platform.node, socket.gethostname):
        try:
            name = clean_device_name(source())
        except OSError:
            continue
        if name:
            return name
    return UNKNOWN_DEVICE


@cache
def user_agent() -> str:
    """`cesec-desktop/<version> (<OS> <release>)`, e.g. `cesec-desktop/1.4.0 (Windows 11)`."""
    system = clean_device_name(platform.system()) or "unknown"
    release = clean_device_name(platform.release())
    os_name = f"{system} {release}" if release else system
    # A User-Agent is a plain ASCII header; an OS name is ASCII in practice.
    ascii_os = os_name.encode("ascii", "replace").decode("ascii")
    return f"cesec-desktop/{__version__} ({ascii_os[:MAX_DEVICE_NAME]})"


def identity_headers() -> dict[str, str]:
    """The headers every call and the stream's handshake carry, as header text.

    HTTP header bytes are read as ISO-8859-1 (Starlette and websockets both do): the device
    name is sent as UTF-8 bytes, so here it is their ISO-8859-1 reading, which goes out
    byte for byte and which a server turns back with `.encode("latin-1").decode()`.
    """
    return {
        DEVICE_NAME_HEADER: device_name().encode("utf-8").decode("latin-1"),
        USER_AGENT_HEADER: user_agent(),
    }


def identity_header_bytes() -> dict[bytes, bytes]:
    """`identity_headers` as bytes, for httpx (which encodes a text header as ASCII only)."""
    return {
        name.encode("ascii"): value.encode("latin-1") for name, value in identity_headers().items()
    }
