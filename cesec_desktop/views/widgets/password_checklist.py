"""The password policy's checklist, ticking off each rule as the new password is typed.

Shared by "Change password" (whose Designer form holds the labels) and "Forgot password?"
(which builds them with `build_checklist`). The texts keep the change-password dialog's
translation contexts, where they were first translated.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from cesec_desktop.domain.password import POLICY_RULES, PasswordRule, password_violations
from cesec_desktop.views.style import restyle

CHECK = "\N{CHECK MARK}"
BULLET = "\N{BULLET}"


def rule_text(rule: PasswordRule) -> str:
    texts = {
        PasswordRule.LENGTH: QCoreApplication.translate(
            "ChangePasswordDialog", "8 to 12 characters"
        ),
        PasswordRule.DIGIT: QCoreApplication.translate("ChangePasswordDialog", "a digit"),
        PasswordRule.UPPER: QCoreApplication.translate(
            "ChangePasswordDialog", "an upper-case letter"
        ),
        PasswordRule.LOWER: QCoreApplication.translate(
            "ChangePasswordDialog", "a lower-case letter"
        ),
        PasswordRule.SYMBOL: QCoreApplication.translate(
            "ChangePasswordDialog", "a symbol, such as ! # % or *"
        ),
    }
    return texts.get(rule, "")


class PasswordChecklist(QObject):
    """Marks the labels of the policy's rules ok or not for the password typed."""

    def __init__(
        self,
        labels: Mapping[PasswordRule, QLabel],
        title: QLabel | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.labels = dict(labels)
        self.title = title
        self.check("")

    def check(self, new: str, current: str | None = None) -> list[PasswordRule]:
        """Tick the rules `new` keeps; returns the policy rules it breaks."""
        broken = [r for r in password_violations(new, current) if r in self.labels]
        for rule, label in self.labels.items():
            restyle(label, ok=rule not in broken)
        self.retranslate()
        return broken

    def retranslate(self) -> None:
        if self.title is not None:
            self.title.setText(
                QCoreApplication.translate("ChangePasswordForm", "The new password must have:")
            )
        for rule, label in self.labels.items():
            mark = CHECK if label.property("ok") else BULLET
            # A two-cell table keeps the texts aligned whatever the marks' widths.
            label.setText(
                f'<table cellspacing="0" cellpadding="0"><tr><td width="18">{mark}</td>'
                f"<td>{html.escape(rule_text(rule))}</td></tr></table>"
            )


def build_checklist(parent: QWidget) -> tuple[QFrame, PasswordChecklist]:
    """A panel with the title and one label per rule, as the change-password form has."""
    box = QFrame(parent)
    box.setObjectName("policyBox")
    box.setProperty("role", "panel")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(12, 10, 12, 10)
    layout.setSpacing(3)
    title = QLabel(box)
    title.setObjectName("policyTitle")
    title.setProperty("role", "caption")
    title.setWordWrap(True)
    layout.addWidget(title)
    labels: dict[PasswordRule, QLabel] = {}
    for rule in POLICY_RULES:
        label = QLabel(box)
        label.setObjectName(f"rule{rule.value.capitalize()}")
        label.setProperty("role", "rule")
        # A rich-text line's minimum is less than its height: a tight window must not cut it.
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(label)
        labels[rule] = label
    return box, PasswordChecklist(labels, title, box)
