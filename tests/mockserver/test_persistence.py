"""A restart with the same database file keeps every change and does not reseed."""

from __future__ import annotations

from pathlib import Path

from conftest import DEMO, login, make_config
from fastapi.testclient import TestClient

from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.db import get_meta


def test_restart_keeps_password_change_and_seed(tmp_path: Path) -> None:
    db_path = str(tmp_path / "mock.sqlite3")
    with TestClient(create_app(make_config(db_path=db_path))) as first:
        headers = login(first, DEMO)
        changed = first.post("/api/v1/auth/password", headers=headers,
                             json={"old_password": DEMO[1], "new_password": "Kept#2027"})
        assert changed.status_code == 204
        seeded_at = get_meta(first.app.state.mock.conn, "seeded")

    with TestClient(create_app(make_config(db_path=db_path))) as second:
        assert get_meta(second.app.state.mock.conn, "seeded") == seeded_at
        old = second.post("/api/v1/auth/login", json={"login": "demo", "password": DEMO[1]})
        assert old.status_code == 401
        assert login(second, ("demo", "Kept#2027"))
