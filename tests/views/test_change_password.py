"""The change-password dialog: the live policy checklist, field errors, the server's answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui_support import DEMO, Backend, Gui, wait_until

from cesec_desktop.api.errors import ValidationFailed
from cesec_desktop.views.change_password import ChangePasswordDialog


def _ticks(dialog: ChangePasswordDialog) -> dict[str, bool]:
    return {rule.value: bool(label.property("ok")) for rule, label in dialog.rule_labels.items()}


def test_the_checklist_ticks_as_the_user_types(
    qtbot: Any, run: Callable[..., Any], languages: Any
) -> None:
    async def submit(old: str, new: str) -> None:
        raise AssertionError("not submitted in this test")

    async def scenario() -> None:
        dialog = ChangePasswordDialog(submit)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not any(_ticks(dialog).values())
        qtbot.keyClicks(dialog.ui.newEdit, "abc")
        assert _ticks(dialog) == {
            "length": False,
            "digit": False,
            "upper": False,
            "lower": True,
            "symbol": False,
        }
        qtbot.keyClicks(dialog.ui.newEdit, "D1")
        assert _ticks(dialog)["upper"] and _ticks(dialog)["digit"]
        qtbot.keyClicks(dialog.ui.newEdit, "#xyz")
        assert all(_ticks(dialog).values())  # abcD1#xyz: 9 characters, every class
        qtbot.keyClicks(dialog.ui.newEdit, "12345")
        assert not _ticks(dialog)["length"]  # 14 characters is too long
        assert "\N{CHECK MARK}" in dialog.ui.ruleDigit.text()
        assert "8 to 12 characters" in dialog.ui.ruleLength.text()
        dialog.close()

    run(scenario())


def test_a_mismatch_is_shown_at_the_repeat_field(
    qtbot: Any, run: Callable[..., Any], languages: Any
) -> None:
    calls: list[tuple[str, str]] = []

    async def submit(old: str, new: str) -> None:
        calls.append((old, new))

    async def scenario() -> None:
        dialog = ChangePasswordDialog(submit)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.ui.oldEdit, "Demo#2026")
        qtbot.keyClicks(dialog.ui.newEdit, "Fresh#2027")
        qtbot.keyClicks(dialog.ui.repeatEdit, "Fresh#2028")
        assert dialog.field_error("repeat") == "The passwords do not match."
        await dialog.change()
        assert calls == []
        dialog.ui.repeatEdit.clear()
        qtbot.keyClicks(dialog.ui.repeatEdit, "Fresh#2027")
        assert dialog.field_error("repeat") == ""
        await dialog.change()
        assert calls == [("Demo#2026", "Fresh#2027")]
        assert dialog.succeeded
        assert dialog.ui.doneLabel.text() == "Password changed successfully"
        dialog.close()

    run(scenario())


def test_local_checks_name_each_field(qtbot: Any, run: Callable[..., Any], languages: Any) -> None:
    async def submit(old: str, new: str) -> None:
        raise AssertionError("must not reach the server")

    async def scenario() -> None:
        dialog = ChangePasswordDialog(submit)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.ui.newEdit, "short")
        assert not await dialog.change()
        assert dialog.field_error("old") == "Enter the current password."
        assert dialog.field_error("new") == "The new password does not meet every rule below."
        assert dialog.field_error("repeat") == "Repeat the new password."
        assert dialog.ui.oldEdit.hasFocus() or dialog.focusWidget() is dialog.ui.oldEdit
        dialog.close()

    run(scenario())


def test_server_errors_are_mapped_to_the_fields(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        gui.main.change_password_action.trigger()
        await wait_until(
            lambda: getattr(gui.main, "change_password_dialog", None) is not None, what="the dialog"
        )
        dialog = gui.main.change_password_dialog
        await wait_until(dialog.isVisible, what="the dialog on screen")
        gui.type_into(dialog.ui.oldEdit, "NotMine#1")
        gui.type_into(dialog.ui.newEdit, "Fresh#2027")
        gui.type_into(dialog.ui.repeatEdit, "Fresh#2027")
        gui.click(dialog.ui.submitButton)
        await wait_until(lambda: dialog.field_error("old"), what="the old-password error")
        assert dialog.field_error("old") == "The current password is wrong."
        assert not dialog.succeeded
        # Typing in the field clears its server error.
        gui.type_into(dialog.ui.oldEdit, DEMO[1])
        assert dialog.field_error("old") == ""
        gui.press_enter(dialog.ui.repeatEdit)
        await wait_until(lambda: dialog.succeeded, what="the success page")
        assert dialog.ui.doneLabel.text() == "Password changed successfully"
        gui.click(dialog.ui.doneButton)
        await wait_until(lambda: gui.main.change_password_dialog is None, what="closed")
        # The new password is the one that works now.
        assert await gui.session.client.login("demo", "Fresh#2027")

    run(scenario())


def test_a_policy_refusal_lists_the_broken_rules_at_the_new_field(
    qtbot: Any, run: Callable[..., Any], languages: Any
) -> None:
    async def submit(old: str, new: str) -> None:
        raise ValidationFailed(
            code="password_policy",
            status=422,
            details={"violations": ["not_current"], "fields": {"new_password": "password_policy"}},
        )

    async def scenario() -> None:
        dialog = ChangePasswordDialog(submit)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.ui.oldEdit, "Old#20261")
        qtbot.keyClicks(dialog.ui.newEdit, "Fresh#2027")
        qtbot.keyClicks(dialog.ui.repeatEdit, "Fresh#2027")
        assert not await dialog.change()
        assert dialog.field_error("new") == "The new password must differ from the current one."
        assert dialog.field_error("old") == ""
        languages.set_language("ru")
        await wait_until(lambda: "Новый пароль" in dialog.field_error("new"), what="Russian")
        assert dialog.field_error("new") == "Новый пароль должен отличаться от текущего."
        assert dialog.ui.titleLabel.text() == "Сменить пароль"
        dialog.close()

    run(scenario())
