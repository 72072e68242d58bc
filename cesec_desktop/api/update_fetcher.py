"""python-tuf's network side, on httpx: TLS verified, an overall deadline, progress, cancel.

ngclient reads every file through a `FetcherInterface` and stops at the length the signed
metadata allows; this one adds what the app needs: one deadline for a whole check or
download (not just a gap timeout per read, which a server dripping a byte a minute never
trips), a progress report per chunk, and a cancel checked between chunks. Bodies are asked
for and read undecoded (`identity`): a compressed body would be inflated by httpx a whole
chunk at a time, past any length limit.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable, Iterator

import httpx
from tuf.api import exceptions as tuf_errors
from tuf.ngclient import FetcherInterface

from cesec_desktop.api.update_errors import UpdateError

CHUNK_BYTES = 64 * 1024
MAX_GAP_S = 15.0
"""Longest wait for one read. The deadline is checked between reads, so a call ends by its
deadline or, with a server gone quiet, at most one such gap after it."""

Progress = Callable[[int], None]
Cancelled = Callable[[], bool]


class HttpxFetcher(FetcherInterface):
    """Fetches the update repository's files; one call (`begin`) at a time, on one thread."""

    def __init__(
        self, *, verify: ssl.SSLContext | bool, user_agent: str, chunk_bytes: int = CHUNK_BYTES
    ) -> None:
        self._chunk_bytes = chunk_bytes
        # A transport of our own turns off proxies from the environment, as for the API.
        self._client = httpx.Client(
            transport=httpx.HTTPTransport(verify=verify, retries=0),
            headers={"User-Agent": user_agent, "Accept-Encoding": "identity"},
            follow_redirects=False,
        )
        self._deadline = time.monotonic() + MAX_GAP_S
        self.cancelled: Cancelled = _never
        self.progress: Progress | None = None
        """Told the bytes received so far of each file, while set (the client sets it for
        the target, not for metadata)."""

    def begin(self, deadline_s: float, cancelled: Cancelled = lambda: False) -> None:
        """Start one overall call: every fetch until the next `begin` ends by `deadline_s`."""
        self._deadline = time.monotonic() + deadline_s
        self.cancelled = cancelled
        self.progress = None

    def close(self) -> None:
        self._client.close()

    def _remaining(self) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise tuf_errors.SlowRetrievalError("the update call's deadline passed")
        return left

    def _check_cancel(self) -> None:
        if self.cancelled():
            raise UpdateError("cancelled")

    def _fetch(self, url: str) -> Iterator[bytes]:
        # A generator: FetcherInterface.fetch would wrap what a plain function raised in a
        # DownloadError, but a generator raises only while read, so a cancel (UpdateError)
        # reaches the caller as itself.
        self._check_cancel()
        gap = min(self._remaining(), MAX_GAP_S)
        request = self._client.build_request("GET", url, timeout=httpx.Timeout(gap))
        try:
            response = self._client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise tuf_errors.SlowRetrievalError(f"no answer from {url}") from exc
        except httpx.HTTPError as exc:
            raise tuf_errors.DownloadError(f"failed to fetch {url}") from exc
        try:
            if response.status_code >= 400:
                raise tuf_errors.DownloadHTTPError(
                    f"HTTP status {response.status_code}", response.status_code
                )
            if response.status_code != 200:
                raise tuf_errors.DownloadError(f"unexpected HTTP status {response.status_code}")
            encoding = response.headers.get("content-encoding", "identity").strip().lower()
            if encoding not in ("", "identity"):
                raise tuf_errors.DownloadError(f"unasked-for content encoding {encoding!r}")
            received = 0
            for chunk in response.iter_raw(self._chunk_bytes):
                self._remaining()
                self._check_cancel()
                received += len(chunk)
                if self.progress is not None:
                    self.progress(received)
                yield chunk
        except httpx.TimeoutException as exc:
            raise tuf_errors.SlowRetrievalError(f"{url} stalled") from exc
        except httpx.HTTPError as exc:
            raise tuf_errors.DownloadError(f"failed to read {url}") from exc
        finally:
            response.close()


def _never() -> bool:
    return False
