"""The words for the bounds errors: what the user reads when an answer breaks a limit."""

from __future__ import annotations

from cesec_desktop.state.errors import DeadlineExceeded, UnreadableAnswer
from cesec_desktop.views.messages import describe, is_retryable


def test_an_unreadable_answer_says_so_and_offers_a_retry() -> None:
    error = UnreadableAnswer(status=200, details={"reason": "too_large"})
    text = describe(error)
    assert "cannot read" in text
    assert "server could not handle" not in text
    assert is_retryable(error)


def test_a_deadline_says_the_server_did_not_answer_in_time() -> None:
    error = DeadlineExceeded(details={"deadline": 15.0})
    assert "did not answer in time" in describe(error)
    assert is_retryable(error)
