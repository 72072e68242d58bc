"""`/updates/`: the mock's TUF update repository, served as static files.

`/updates/metadata/{name}` and `/updates/targets/{path}` are what a release server or CDN
would serve; the app's UpdateClient is pointed at `{backend}/updates/`. Not in the OpenAPI
document: files, not the cabinet API.
"""

from __future__ import annotations

import re
import tempfile
import threading
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse

from cesec_desktop.mockserver.errors import not_found
from cesec_desktop.mockserver.update_repository import UpdateRepository

router = APIRouter(prefix="/updates", include_in_schema=False)

_METADATA_NAME = re.compile(r"^(?:[1-9][0-9]{0,9}\.)?(?:root|targets|snapshot|timestamp)\.json$")
_NO_STORE = {"Cache-Control": "no-store"}
_made = threading.Lock()


def install_repository(app: FastAPI, directory: Path | None) -> None:
    """Give `app` its repository: in `directory`, or (None) in a temporary folder on first
    use, so an app made by a test pays for the keys only if it serves updates."""
    app.state.updates_dir = directory
    app.state.updates = UpdateRepository(directory) if directory is not None else None


def repository(request: Request) -> UpdateRepository:
    return repository_of(request.app)


def repository_of(app: FastAPI) -> UpdateRepository:
    state = app.state
    with _made:
        if getattr(state, "updates", None) is None:
            # Kept on the app: the folder is removed when the app is.
            state.updates_temp = tempfile.TemporaryDirectory(prefix="cesec-mock-updates-")
            state.updates = UpdateRepository(Path(state.updates_temp.name))
    repo: UpdateRepository = state.updates
    return repo


@router.get("/metadata/{name}")
def metadata(name: str, request: Request) -> FileResponse:
    if not _METADATA_NAME.match(name):
        raise not_found("Metadata")
    repo = repository(request)
    if name == "timestamp.json":
        # What a timestamp service does: the mock may run for days, its timestamp lives one.
        repo.ensure_fresh()
    path = repo.metadata_path(name)
    if not path.is_file():
        raise not_found("Metadata")
    return FileResponse(path, media_type="application/json", headers=_NO_STORE)


@router.get("/targets/{path:path}")
def target(path: str, request: Request) -> FileResponse:
    root = repository(request).targets_dir.resolve()
    try:
        file = (root / path).resolve()
    except (OSError, ValueError):
        raise not_found("Target") from None
    if not file.is_relative_to(root) or not file.is_file() or file.name.startswith("."):
        raise not_found("Target")
    return FileResponse(file, media_type="application/octet-stream")
