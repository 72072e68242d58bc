"""The Tester window's Scenario tab against the real mock: a scenario loaded from the
catalogue and from a file (a bad file's lines named at the field), a reset; each replaces the
mock's world, and the app signs the user out saying why."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from gui_support import Backend, Gui, wait_until
from tester_support import act, click_row, confirm, get_json, open_panel, place_order, row_of

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


async def signed_out_saying(gui: Gui, words: str) -> None:
    """The login window is back, and says `words`; the main window is gone."""
    await wait_until(lambda: gui.main is None and gui.login.isVisible(), what="the sign-out")
    await wait_until(
        lambda: words in gui.login.ui.messageLabel.text(), what=f"the login window to say {words!r}"
    )


def test_a_scenario_of_the_catalogue_is_loaded_and_the_user_signed_out(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        panel = await open_panel(gui, "scenario")
        tab = panel.tabs["scenario"]
        await wait_until(lambda: tab.catalogue.items, what="the catalogue")
        await wait_until(lambda: tab.workbench.scenario is not None, what="the scenario")
        names = [item.name for item in tab.catalogue.items]
        catalogue = await get_json(backend, "/mock/scenarios")
        assert names == [item["name"] for item in catalogue["items"]]
        assert tab.current.text() == "The world is the built-in seed: no scenario loaded."
        assert tab.reset_button.text() == "Reset to the seed"
        assert not tab.load_button.isEnabled()

        click_row(gui, tab.catalogue_table, await row_of(tab.catalogue_table, "market-closed"))
        assert tab.load_button.isEnabled()
        # Asked first; No leaves the world as it is.
        gui.click(tab.load_button)
        await confirm(gui, tab, accept=False)
        await wait_until(lambda: tab.confirm_box is None, what="the question to go")
        assert (await get_json(backend, "/mock/scenario"))["name"] is None

        gui.click(tab.load_button)
        await confirm(gui, tab)
        await signed_out_saying(gui, "The mock now runs the scenario market-closed.")
        assert (await get_json(backend, "/mock/scenario"))["name"] == "market-closed"
        assert (await get_json(backend, "/mock"))["scenario"] == "market-closed"

    run(scenario())


def test_a_scenario_file_is_loaded_and_a_bad_one_named_by_its_lines(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'name = "bad"\npurpose = "a test"\n\n[[users]]\nlogin = "Not Valid"\npassword = 5\n',
        encoding="utf-8",
    )
    good = tmp_path / "mine.toml"
    good.write_text((SCENARIOS / "fresh-client.toml").read_text("utf-8"), encoding="utf-8")

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        panel = await open_panel(gui, "scenario")
        tab = panel.tabs["scenario"]
        assert not tab.load_file_button.isEnabled()

        gui.type_into(tab.path_edit, str(tmp_path / "missing.toml"))
        said = await act(tab, lambda: gui.click(tab.load_file_button))
        assert said == "The scenario was not loaded."
        assert tab.file_error.text() == "The file cannot be read: check the path."

        gui.type_into(tab.path_edit, str(bad))
        assert not tab.file_error.isVisible()
        gui.click(tab.load_file_button)
        await confirm(gui, tab)
        await wait_until(lambda: tab.file_error.isVisible(), what="the mock's refusal")
        lines = tab.file_error.text().splitlines()
        assert lines[0].startswith("line 5: users[0].login")
        assert lines[1].startswith("line 6: users[0].password")
        assert gui.main is not None and gui.main.isVisible()  # nothing replaced
        assert (await get_json(backend, "/mock/scenario"))["name"] is None

        gui.type_into(tab.path_edit, str(good))
        gui.press_enter(tab.path_edit)
        await confirm(gui, tab)
        await signed_out_saying(gui, "The mock now runs the scenario fresh-client.")
        assert (await get_json(backend, "/mock/scenario"))["name"] == "fresh-client"

    run(scenario())


def test_a_reset_goes_back_to_the_seed_and_signs_the_user_out(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        panel = await open_panel(gui, "scenario")
        tab = panel.tabs["scenario"]
        order = await place_order(gui.session, backend, "3")
        opened = await get_json(backend, "/mock/orders", status="open")
        assert order.id in {item["id"] for item in opened["items"]}
        await backend.control("/mock/faults", {"latency_ms": 5})
        gui.click(tab.reset_button)
        await confirm(gui, tab)
        await signed_out_saying(gui, "The mock was reset to its seed. Sign in again.")
        opened = await get_json(backend, "/mock/orders", status="open")
        assert order.id not in {item["id"] for item in opened["items"]}
        assert (await get_json(backend, "/mock/faults"))["latency_ms"] == 0

    run(scenario())
