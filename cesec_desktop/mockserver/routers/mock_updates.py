"""`/mock/updates`: publish a release into the mock's update repository, list what is there."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from cesec_desktop.domain.releases import CHANNELS, PLATFORMS, check_version
from cesec_desktop.mockserver.deps import get_state
from cesec_desktop.mockserver.errors import error_responses, validation_error
from cesec_desktop.mockserver.routers.updates import repository
from cesec_desktop.mockserver.update_repository import UpdateRepository

router = APIRouter(prefix="/mock", tags=["mock"])


class UpdateRelease(BaseModel):
    version: str
    platform: str
    channel: str
    target_path: str
    length: int
    notes: dict[str, str]
    released: str


class UpdateList(BaseModel):
    items: list[UpdateRelease] = Field(description="every published release, oldest first")
    root_version: int = Field(description="the repository's root metadata version")
    timestamp_version: int


class UpdatePublish(BaseModel):
    """A release to publish, with a small generated payload."""

    model_config = ConfigDict(extra="forbid")

    version: str = Field(max_length=64, description="PEP 440, e.g. 0.2.0 or 0.3.0b1")
    channel: str = Field(default="stable", description=f"one of {', '.join(CHANNELS)}")
    platform: str | None = Field(
        default=None, description=f"one of {', '.join(PLATFORMS)}; null: every platform"
    )
    notes: dict[str, str] | None = Field(
        default=None, max_length=8, description="by language code; null: demo notes in en/kk/ru"
    )


def _listing(repo: UpdateRepository) -> UpdateList:
    return UpdateList(
        items=[UpdateRelease(**vars(r)) for r in repo.releases()],
        root_version=repo.version("root"),
        timestamp_version=repo.version("timestamp"),
    )


@router.get("/updates", response_model=UpdateList)
def list_updates(request: Request) -> UpdateList:
    """What the mock's update repository holds (served at `/updates/`)."""
    return _listing(repository(request))


@router.post("/updates", response_model=UpdateList, responses=error_responses(422))
def publish_update(body: UpdatePublish, request: Request) -> UpdateList:
    """Publish a release, signed, for one platform or all; the app sees it on its next check."""
    try:
        check_version(body.version)
    except ValueError:
        raise validation_error({"version": "invalid"}, "Not a PEP 440 version") from None
    if body.channel not in CHANNELS:
        raise validation_error({"channel": "invalid"}, f"Channel is one of {CHANNELS}")
    if body.platform is not None and body.platform not in PLATFORMS:
        raise validation_error({"platform": "invalid"}, f"Platform is one of {PLATFORMS}")
    released = get_state(request).clock.now().date().isoformat()
    repo = repository(request)
    try:
        repo.publish_demo(
            body.version,
            channel=body.channel,
            platform=body.platform,
            notes=body.notes,
            released=released,
        )
    except ValueError:
        raise validation_error({"notes": "invalid"}, "Release notes do not fit") from None
    return _listing(repo)
