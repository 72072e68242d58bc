"""Profile → My details against the real mock: the fields as the broker has them, and a change
of phone signed with EDS (the mock NCALayer) that lands on the Instructions page with its
status and, once executed, changes the details."""

from __future__ import annotations

import asyncio
import base64
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from gui_support import DEMO, Backend, Gui, wait_until

from cesec_desktop.domain.enums import InstructionStatus
from cesec_desktop.state.instructions_model import Column
from cesec_desktop.state.vocabulary import instruction_status_text as status_text
from cesec_desktop.views.contact_change_form import ContactChangeForm
from cesec_desktop.views.eds_dialog import EdsDialog
from cesec_desktop.views.my_details_dialog import MyDetailsDialog, open_my_details

# The withdrawal tests' mock NCALayer (tests/e2e/signing_support.py), served from a thread.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "e2e"))
from signing_support import NcaLayerThread

NEW_PHONE = "+7 707 555 12 34"
NEW_PHONE_MASKED = "+7 707 *** ** 34"


@pytest.fixture
def ncalayer() -> Iterator[NcaLayerThread]:
    mock = NcaLayerThread()
    yield mock
    mock.stop()


async def post_json(backend: Backend, path: str, body: Any = None) -> Any:
    def post() -> Any:
        response = httpx.post(backend.url + path, json=body, timeout=10)
        response.raise_for_status()
        return response.json()

    return await asyncio.to_thread(post)


async def open_details(gui: Gui) -> MyDetailsDialog:
    await gui.sign_in(*DEMO)
    open_my_details(gui.main, gui.session)
    await wait_until(
        lambda: gui.main.findChild(MyDetailsDialog) is not None, what="the My details window"
    )
    dialog: MyDetailsDialog = gui.main.findChild(MyDetailsDialog)
    await wait_until(lambda: not dialog.busy_bar.isVisible(), what="/me read afresh")
    return dialog


def test_my_details_show_the_user_and_the_broker_contact(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        dialog = await open_details(gui)
        me = dialog.me
        assert me is not None and dialog.isVisible()
        assert dialog.field_text("full_name") == me.full_name
        assert dialog.field_text("iin") == me.iin
        assert dialog.field_text("phone") == me.phone_masked and "***" in me.phone_masked
        assert dialog.field_text("email") == (me.email or "\N{EM DASH}")
        assert dialog.field_text("second_factor") == "Off"
        contact = me.broker_contact
        assert dialog.field_text("contact_name") == (contact.name if contact else "\N{EM DASH}")
        assert dialog.phone_button.text() == "Change phone…"
        assert dialog.email_button.text() == "Change e-mail…"
        dialog.reject()

    run(scenario(), timeout=60)


def test_the_form_checks_the_field_as_typed_and_offers_eds_only(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        dialog = await open_details(gui)
        gui.click(dialog.phone_button)
        form = dialog.form
        assert isinstance(form, ContactChangeForm) and form.isVisible()
        assert form.ui.edsOnly.text().startswith("Signed with EDS only")
        assert not form.findChildren(type(form.ui.edsButton), "smsButton")
        gui.type_into(form.ui.edit, "+7 727 555 12 34")
        assert "not a Kazakh mobile" in form.field_error()
        gui.type_into(form.ui.edit, NEW_PHONE)
        assert form.field_error() == ""
        await wait_until(
            lambda: "+7 707 555 12 34" in form.ui.documentText.toPlainText(),
            what="the document from the broker",
        )
        form.reject()
        await wait_until(lambda: dialog.form is None or not form.isVisible(), what="form closed")

        gui.click(dialog.email_button)
        email_form = dialog.form
        assert email_form is not None and email_form is not form
        gui.type_into(email_form.ui.edit, "not@an")
        email_form.ui.edit.editingFinished.emit()
        assert email_form.field_error() == "This is not an e-mail address, like name@example.kz."
        email_form.reject()
        dialog.reject()

    run(scenario(), timeout=60)


def test_a_phone_change_signed_with_eds_lands_on_instructions_and_changes_the_details(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    ncalayer: NcaLayerThread,
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        dialog = await open_details(gui)
        gui.session.ncalayer_url = ncalayer.url
        gui.click(dialog.phone_button)
        form = dialog.form
        assert form is not None
        gui.type_into(form.ui.edit, NEW_PHONE)
        gui.click(form.ui.edsButton)
        # The ticket holds the instruction as soon as the broker answers; the form turns to
        # its done page once the EDS window has closed.
        await wait_until(
            lambda: form.ui.stack.currentWidget() is form.ui.donePage,
            what="the change made and the done page shown",
            timeout=30,
        )
        request = ncalayer.server.received[-1]
        signed = base64.b64decode(request["args"]["data"]).decode("utf-8")
        assert "+7 707 555 12 34" in signed, "the document shown is what is signed"
        made = form.made
        assert made is not None and made.is_contact_change
        assert made.contact_change is not None
        assert made.contact_change.phone == NEW_PHONE_MASKED
        assert made.signature_method == "eds"
        assert form.ui.stack.currentWidget() is form.ui.donePage
        assert f"No. {made.number}" in form.ui.doneTitle.text()
        assert "Instructions page" in form.ui.doneDetails.text()
        # The signing window closed (its deletion is deferred to the loop, hence the wait).
        await wait_until(
            lambda: not [d for d in gui.main.findChildren(EdsDialog) if d.isVisible()],
            what="the signing window closed",
        )
        gui.click(form.ui.closeButton)
        assert made.number in dialog.note.text()
        dialog.reject()

        gui.main.show_page("instructions")
        page = gui.main.pages["instructions"]
        await wait_until(
            lambda: page.model.loaded and page.menu_index(made.id).isValid(),
            what="the change on the Instructions page",
        )

        def cell(column: Column) -> str:
            return str(page.menu_index(made.id).siblingAtColumn(column).data())

        assert cell(Column.AMOUNT) == f"Change of phone: {NEW_PHONE_MASKED}"
        assert cell(Column.TYPE) == "Change of contact details"
        assert cell(Column.IBAN) == "" and cell(Column.CURRENCY) == ""
        assert cell(Column.STATUS) == status_text(InstructionStatus.NEW)

        for status in ("processing", "executed"):
            await post_json(backend, f"/mock/instructions/{made.id}/advance", {"status": status})
        await wait_until(
            lambda: cell(Column.STATUS) == status_text(InstructionStatus.EXECUTED),
            what="the row to turn executed",
        )
        page.open_details(made.id)
        details = page.details_dialog
        await wait_until(lambda: details.history_rows(), what="the history")
        assert details.field_text("change") == f"Change of phone: {NEW_PHONE_MASKED}"
        assert not details.values["iban"].isVisibleTo(details)
        details.reject()

        open_my_details(gui.main, gui.session)
        await wait_until(
            lambda: any(
                d.isVisible() and d.field_text("phone") == NEW_PHONE_MASKED
                for d in gui.main.findChildren(MyDetailsDialog)
            ),
            what="My details with the new phone",
        )

    run(scenario(), timeout=90)
