"""The Instructions page against the real mock: a period's withdrawals, the status filter,
a live status change from the back office, Details with every field and the history,
export of the rows shown, and a broker's read-only view of the watched client's."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from gui_support import DEMO, Backend, Gui, wait_until
from testkit import BROKER

from cesec_desktop.domain.enums import InstructionStatus
from cesec_desktop.domain.iban import mask_iban
from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.state.export import ExportFormat
from cesec_desktop.state.instructions_model import INSTRUCTION_ROLE, Column
from cesec_desktop.state.orders_query import Period, almaty_today
from cesec_desktop.state.vocabulary import instruction_status_text as status_text
from cesec_desktop.views.instruction_details import InstructionDetailsDialog
from cesec_desktop.views.pages.instructions import InstructionsPage


async def post_json(backend: Backend, path: str, body: Any = None) -> Any:
    def post() -> Any:
        response = httpx.post(backend.url + path, json=body, timeout=10)
        response.raise_for_status()
        return response.json()

    return await asyncio.to_thread(post)


async def open_page(gui: Gui, login: tuple[str, str] = DEMO) -> InstructionsPage:
    await gui.sign_in(*login)
    gui.main.show_page("instructions")
    page: InstructionsPage = gui.main.pages["instructions"]
    await settled(page)
    return page


async def settled(page: InstructionsPage) -> None:
    await wait_until(lambda: page.model.loaded and not page.model.loading, what="the instructions")


async def whole_history(page: InstructionsPage) -> None:
    """A custom period of seven months, all pages read in."""
    today = almaty_today()
    page.set_custom_range(today - timedelta(days=214), today)
    await settled(page)
    while page.model.has_more:
        page.model.fetchMore()
        await settled(page)


def shown(page: InstructionsPage, column: Column) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def status_of(page: InstructionsPage, instruction_id: str) -> str | None:
    index = page.menu_index(instruction_id)
    return index.siblingAtColumn(Column.STATUS).data() if index.isValid() else None


def test_the_page_lists_a_period_filters_by_status_and_exports_the_rows_shown(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any], tmp_path: Path
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await open_page(gui)
        assert page.model.query is not None and page.model.query.period is Period.MONTH
        assert page.state in ("table", "empty")
        await whole_history(page)
        query = page.model.query
        assert query is not None and query.period is Period.CUSTOM
        expected = await gui.session.call(
            lambda c: c.instructions(start=query.start, end=query.end, limit=500)
        )
        assert len(expected.items) > 30  # the demo has ~60 over six months
        assert page.state == "table"
        assert {page.model.instruction_at(r).id for r in range(page.model.rowCount())} == {
            i.id for i in expected.items
        }
        # Newest first; the IBAN masked; statuses in words.
        created = [
            page.proxy.index(r, Column.MENU).data(INSTRUCTION_ROLE).created_at
            for r in range(page.proxy.rowCount())
        ]
        assert created == sorted(created, reverse=True)
        first = page.proxy.index(0, Column.MENU).data(INSTRUCTION_ROLE)
        assert page.proxy.index(0, Column.IBAN).data() == mask_iban(first.iban)
        assert first.iban not in shown(page, Column.IBAN)
        assert set(shown(page, Column.STATUS)) <= {status_text(s) for s in InstructionStatus}

        # The status filter.
        combo = page.status_filter
        combo.setCurrentIndex(combo.findData(str(InstructionStatus.REJECTED)))
        rejected = [i for i in expected.items if i.status is InstructionStatus.REJECTED]
        assert page.proxy.rowCount() == len(rejected) > 0
        assert set(shown(page, Column.STATUS)) == {status_text(InstructionStatus.REJECTED)}

        # Export writes exactly the rows shown, with the headers on screen.
        path = tmp_path / "rejected.csv"
        assert await page.export_button.export_to(str(path), ExportFormat.CSV)
        rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
        assert rows[0][0] == page.model.header_text(Column.NUMBER)
        assert [r[0] for r in rows[1:]] == shown(page, Column.NUMBER)
        assert page.notice.isVisible() and "rejected.csv" in page.notice.text()

        combo.setCurrentIndex(0)
        assert page.proxy.rowCount() == len(expected.items)

        # A short period with nothing in it is an honest empty state.
        old = almaty_today() - timedelta(days=3000)
        page.set_custom_range(old, old + timedelta(days=1))
        await settled(page)
        assert page.state == "empty" and page.message_title.text()

    run(scenario(), timeout=60)


def test_an_instruction_advanced_by_the_back_office_changes_live_and_details_show_it(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await open_page(gui)
        items = page.model.instructions()
        open_one = next(i for i in items if i.status.is_open)
        assert status_of(page, open_one.id) == status_text(open_one.status)

        page.open_details(open_one.id)
        dialog = page.details_dialog
        assert isinstance(dialog, InstructionDetailsDialog)
        await wait_until(lambda: dialog.history_rows(), what="the history")
        assert dialog.isVisible()
        for key in InstructionDetailsDialog.FIELDS:
            if key != "reject_reason":
                assert dialog.field_text(key), key
        assert dialog.field_text("iban") == open_one.iban  # in full in Details
        assert dialog.field_text("bic") == open_one.bic
        assert dialog.field_text("number") == open_one.number
        before = len(dialog.history_rows())

        await post_json(backend, f"/mock/instructions/{open_one.id}/advance", {})
        await wait_until(
            lambda: status_of(page, open_one.id) == status_text(InstructionStatus.EXECUTED),
            what="the row to turn executed",
        )
        await wait_until(
            lambda: dialog.field_text("status") == status_text(InstructionStatus.EXECUTED),
            what="Details to follow",
        )
        assert len(dialog.history_rows()) == before + 1
        assert dialog.history_rows()[-1][1] == status_text(InstructionStatus.EXECUTED)
        dialog.reject()

        # The "…" menu offers Details.
        index = page.menu_index(open_one.id)
        page.show_row_menu(index, page.table.viewport().mapToGlobal(page.table.rect().center()))
        assert page.row_menu.isVisible()
        assert [a.text() for a in page.row_menu.actions()] == ["Details"]
        page.row_menu.hide()

    run(scenario(), timeout=60)


def test_a_broker_sees_the_selected_clients_instructions_read_only(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*BROKER)
        scope = ClientScope.of(gui.session)
        await wait_until(lambda: scope.loaded and scope.ready, what="the client list")
        gui.main.show_page("instructions")
        page: InstructionsPage = gui.main.pages["instructions"]
        await settled(page)
        assert page.read_only
        for client in scope.clients[:2]:
            scope.select(client.id)
            await settled(page)
            await whole_history(page)
            expected = await gui.session.call(
                lambda c, cid=client.id: c.instructions(
                    start=page.model.query.start,  # type: ignore[union-attr]
                    end=page.model.query.end,  # type: ignore[union-attr]
                    limit=500,
                    client_id=cid,
                )
            )
            ids = {page.model.instruction_at(r).id for r in range(page.model.rowCount())}
            assert ids == {i.id for i in expected.items}
            accounts = {a.id for a in client.accounts}
            assert all(page.model.instruction_at(r).account_id in accounts for r in range(len(ids)))
        # Nothing to withdraw or change here: only Details in the menu, no withdraw button.
        assert [a.text() for a in page.row_menu.actions()] == ["Details"]
        assert "view only" in page.footer.text()

    run(scenario(), timeout=60)
