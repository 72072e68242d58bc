"""The mock backend's FastAPI application: routers, error envelope, faults, simulator."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from cesec_desktop import __version__
from cesec_desktop.mockserver import db
from cesec_desktop.mockserver.config import ServerConfig
from cesec_desktop.mockserver.errors import document_envelopes, install_error_handlers
from cesec_desktop.mockserver.faults import FaultMiddleware
from cesec_desktop.mockserver.routers import (
    account_sessions,
    auth,
    book,
    contact_change,
    instructions,
    market,
    mock,
    mock_instructions,
    mock_orders,
    mock_scenario,
    mock_updates,
    orders,
    password_reset,
    portfolio,
    profile,
    second_factor,
    signing,
    stream,
    support,
    updates,
)
from cesec_desktop.mockserver.seed import seed_database
from cesec_desktop.mockserver.state import ServerState

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"


def build_state(config: ServerConfig) -> ServerState:
    """Open the database, seed it if new, and wire the simulator and the order/withdrawal flows."""
    from cesec_desktop.mockserver import book as broker_book
    from cesec_desktop.mockserver import trading, withdrawals
    from cesec_desktop.mockserver.simulator import Simulator

    state = ServerState(config=config, conn=db.connect(config.db_path))
    state.rng.seed(config.seed)
    seed_database(state)
    state.market = Simulator(state)
    trading.install(state)
    withdrawals.install(state)
    broker_book.install(state)
    return state


def create_app(config: ServerConfig | None = None, *, updates_dir: Path | None = None) -> FastAPI:
    """The mock backend; its update repository lives in `updates_dir` (None: a temporary
    folder, made when first asked for)."""
    config = config or ServerConfig()
    state = build_state(config)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        task: asyncio.Task[None] | None = None
        if config.simulate:
            task = asyncio.create_task(state.market.run(), name="market-simulator")  # type: ignore[union-attr]
        try:
            yield
        finally:
            state.hub.drop_all()
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            state.market.save()  # type: ignore[union-attr]

    app = FastAPI(
        title="Cabinet API (mock)",
        version=__version__,
        description="Centras Securities cabinet API v1, served by the cesec-desktop mock backend.",
        lifespan=lifespan,
    )
    app.state.mock = state
    install_error_handlers(app)
    for module in (auth, profile, book, market, portfolio, signing, orders, instructions, support):
        app.include_router(module.router, prefix=API_PREFIX)
    app.include_router(contact_change.router, prefix=API_PREFIX)
    for module in (second_factor, password_reset, account_sessions):
        app.include_router(module.router, prefix=API_PREFIX)
    app.include_router(stream.router, prefix=API_PREFIX)
    for module in (mock, mock_orders, mock_instructions, mock_scenario, mock_updates):
        app.include_router(module.router)
    app.include_router(updates.router)
    updates.install_repository(app, updates_dir)
    app.add_middleware(FaultMiddleware, state=state)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_envelopes(
                get_openapi(
                    title=app.title,
                    version=app.version,
                    description=app.description,
                    routes=app.routes,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
