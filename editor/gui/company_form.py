"""Middle pane, first tab: controller, contacts and websites, DPO, federal state and "Stand".

The policy's languages are German, or German and English (German is always on: the reference
text). The legal form is a choice from core's list ("other" opens a field for the user's own text),
filled in from the name's ending ("… GmbH") while empty; the websites are one field, https:// is
added on leaving it; the federal state follows the postcode: filled in when empty, offered when it differs.

Widgets push SetCommands (model.py) for typed targets (targets.py) and refresh from
ProjectModel.changed. User edits are recognised by user-only signals (textEdited, clicked,
activated) or by an ``_updating`` guard, so refreshing a widget after undo never records a new
step. Typing merges into one step per field until the field loses focus (a new merge session); a
pasted address block spreads over the fields as one step (address_paste.py).
Texts are set in ``retranslateUi``, which runs again when the interface language changes.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from ..core.company_fill import legal_form_to_fill, state_to_fill
from ..core.legalforms import FORMS, OTHER, owned_by_person
from ..core.postcodes import state_for
from ..core.project import Dpo
from ..core.states import state_name, state_names
from ..core.websites import normalize
from . import translation
from .address_paste import AddressPaste, Apply
from .line_binding import LineBinding as _LineBinding, Push, next_session
from .model import ProjectModel
from .targets import (
    LANGUAGES, STAFF_20_PLUS, STAND, STATE, WEBSITES, ControllerField, DpoField, DpoTarget, EditTarget, ProjectField, Target,
)
from .language_choice import LanguageChoice
from .translation import Retranslating
from .wheel import guard_wheel

LEGAL_FORM = ControllerField("legal_form")
LEGAL_FORM_OTHER = ControllerField("legal_form_other")
REPRESENTATIVE = ControllerField("representative")
POSTCODE = ControllerField("postcode")


def wrap(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that resizes it (forms taller than the window)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own: it scrolls to the focused field
    area.setWidget(widget)
    return area


class CompanyForm(Retranslating, QWidget):
    """Controller, contacts, DPO, federal state, websites and the "Stand" date."""

    def __init__(self, model: ProjectModel, push: Push, apply: Apply, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.push = model, push
        self.bindings: dict[EditTarget, _LineBinding] = {}
        self.fields: dict[Target, QWidget] = {}  # target → widget, for findings navigation
        self.labels: dict[Target, QLabel] = {}
        self._updating = False

        self.company = QGroupBox()
        form = QFormLayout(self.company)
        self._line(form, ControllerField("name"))
        self.bindings[ControllerField("name")].edit.editingFinished.connect(self._name_finished)
        self.legal_form = QComboBox()
        self.legal_form.addItem("", "")  # "— not set —" (retranslateUi)
        for key in FORMS:
            self.legal_form.addItem(key, key)  # labels in the interface language: retranslateUi
        # the longest label must not widen the column: the list shows it in full
        self.legal_form.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.legal_form.setMinimumContentsLength(10)
        self.legal_form.activated.connect(self._legal_form_chosen)
        self.legal_form_other = QLineEdit()  # the user's own text, for "other"
        legal_row = QWidget()
        row = QHBoxLayout(legal_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.legal_form)
        row.addWidget(self.legal_form_other, 1)
        self._row(form, LEGAL_FORM, legal_row)
        self.labels[LEGAL_FORM].setBuddy(self.legal_form)
        self.fields[LEGAL_FORM] = self.legal_form
        self.fields[LEGAL_FORM_OTHER] = self.legal_form_other
        self.bindings[LEGAL_FORM_OTHER] = _LineBinding(self.legal_form_other, LEGAL_FORM_OTHER, model, push)
        for name in ("representative", "street", "postcode", "city", "country", "register"):
            self._line(form, ControllerField(name))
        self.bindings[POSTCODE].edit.textEdited.connect(self._postcode_edited)
        self.address_paste = AddressPaste(model, apply, self)
        self.contact = QGroupBox()
        form = QFormLayout(self.contact)
        for name in ("email", "phone"):
            self._line(form, ControllerField(name))
        for target, binding in self.bindings.items():  # a pasted address block goes into its fields
            if isinstance(target, ControllerField) and target != LEGAL_FORM_OTHER:
                binding.on_lines = lambda text, b=binding: self.address_paste.paste(b, text)
        self.websites = QPlainTextEdit()
        self.websites.setTabChangesFocus(True)
        self.websites.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self._websites_session = next_session()
        self.websites.textChanged.connect(self._websites_changed)
        self.websites.installEventFilter(self)  # focus out ends a typing burst (no editingFinished)
        self._row(form, WEBSITES, self.websites)

        self.dpo = QGroupBox()
        dpo_layout = QVBoxLayout(self.dpo)
        self.has_dpo = QCheckBox()
        self.has_dpo.clicked.connect(self._dpo_clicked)
        dpo_layout.addWidget(self.has_dpo)
        self.dpo_fields = QWidget()
        form = QFormLayout(self.dpo_fields)
        form.setContentsMargins(0, 0, 0, 0)
        for name in ("name", "company", "email", "phone", "address"):
            self._line(form, DpoField(name))
        dpo_layout.addWidget(self.dpo_fields)
        self.fields[DpoTarget()] = self.has_dpo
        # headcount: the DPO hint only where § 38 BDSG can apply, not for every one-person shop
        self.staff_20 = QCheckBox()
        self.staff_20.clicked.connect(lambda on: self.push(STAFF_20_PLUS, on, self.tr("Headcount"), None))
        self.staff_20_help = QLabel()
        self.staff_20_help.setWordWrap(True)
        dpo_layout.addWidget(self.staff_20)
        dpo_layout.addWidget(self.staff_20_help)

        self.other = QGroupBox()
        form = QFormLayout(self.other)
        self.state = QComboBox()
        self.state.addItem("", "")  # "— not set —" (retranslateUi)
        for code, name in state_names().items():
            self.state.addItem(name, code)
        self.state.activated.connect(lambda _i: self.push(STATE, self.state.currentData(), self.tr("Federal state"), None))
        self._row(form, STATE, self.state)
        # offered when the postcode tells another state than the one chosen
        self.state_hint = QWidget()
        hint_row = QHBoxLayout(self.state_hint)
        hint_row.setContentsMargins(0, 0, 0, 0)
        self.state_hint_text = QLabel()
        self.state_hint_text.setWordWrap(True)
        self.use_postcode_state = QPushButton()
        self.use_postcode_state.clicked.connect(self._use_postcode_state)
        hint_row.addWidget(self.state_hint_text, 1)
        hint_row.addWidget(self.use_postcode_state)
        form.addRow("", self.state_hint)
        self.state_hint.hide()

        self.stand = QDateEdit()
        self.stand.setCalendarPopup(True)
        self.stand.setDisplayFormat("dd.MM.yyyy")
        self._stand_session = next_session()
        self.stand.dateChanged.connect(self._stand_changed)
        self.stand.editingFinished.connect(self._new_stand_session)
        self._row(form, STAND, self.stand)

        self.languages = LanguageChoice()
        self.german_only, self.german_english = self.languages.german_only, self.languages.german_english
        self.languages.chosen.connect(self._languages_chosen)
        self._row(form, LANGUAGES, self.languages)
        self.labels[LANGUAGES].setBuddy(self.german_only)
        self.fields[LANGUAGES] = self.german_only
        self.languages_help = QLabel()
        self.languages_help.setWordWrap(True)
        form.addRow("", self.languages_help)

        layout = QVBoxLayout(self)
        for box in (self.company, self.contact, self.dpo, self.other):
            layout.addWidget(box)
        layout.addStretch(1)
        guard_wheel(self)  # scrolling the form must not change the state or the date under the mouse
        self.retranslateUi()

    def _row(self, form: QFormLayout, target: Target, widget: QWidget) -> None:
        label = QLabel()
        label.setBuddy(widget)
        form.addRow(label, widget)
        self.labels[target] = label
        self.fields[target] = widget

    def _line(self, form: QFormLayout, target: EditTarget) -> None:
        edit = QLineEdit()
        self._row(form, target, edit)
        self.bindings[target] = _LineBinding(edit, target, self.model, self.push)

    def retranslateUi(self) -> None:  # noqa: N802 - Qt's name
        C, D = ControllerField, DpoField
        lines = {
            C("name"): self.tr("Company &name:"), C("street"): self.tr("S&treet and number:"),
            C("postcode"): self.tr("&Postcode:"), C("city"): self.tr("C&ity:"), C("country"): self.tr("Co&untry:"),
            C("register"): self.tr("Re&gister entry:"), C("email"): self.tr("&E-mail:"), C("phone"): self.tr("P&hone:"),
            D("name"): self.tr("Name of the DPO:"), D("company"): self.tr("External firm:"),
            D("email"): self.tr("DPO e-mail:"), D("phone"): self.tr("DPO phone:"), D("address"): self.tr("DPO address:"),
        }
        for target, text in lines.items():
            plain = text.replace("&", "").rstrip(":")
            self.labels[target].setText(text)
            self.fields[target].setAccessibleName(plain)
            self.bindings[target].label = plain
        self._show_representative_label()
        lang = "de" if translation.language() == "de" else "en"
        self.legal_form.setItemText(0, self.tr("— not set —"))
        for index in range(1, self.legal_form.count()):
            form = FORMS.get(self.legal_form.itemData(index))
            if form is not None:  # else a hand-edited file's own text, shown as it is
                self.legal_form.setItemText(index, form.label(lang))
        self.legal_form.setAccessibleName(self.tr("Legal form"))
        self.labels[LEGAL_FORM].setText(self.tr("&Legal form:"))
        self.legal_form_other.setAccessibleName(self.tr("Legal form in your own words"))
        self.legal_form_other.setPlaceholderText(self.tr("e.g. Ltd., PartG mbB"))
        self.bindings[LEGAL_FORM_OTHER].label = self.tr("Legal form")
        self.company.setTitle(self.tr("Company (controller)"))
        self.contact.setTitle(self.tr("Contact and website"))
        self.dpo.setTitle(self.tr("Data protection officer"))
        self.has_dpo.setText(self.tr("We have a data protection &officer"))
        self.has_dpo.setAccessibleName(self.tr("We have a data protection officer"))
        self.staff_20.setText(self.tr("&20 or more people process personal data"))
        self.staff_20_help.setText(self.tr(
            "Tick this if, as a rule, at least 20 people at your business constantly work with personal data on "
            "computers (staff, trainees, freelancers). A data protection officer is then required (§ 38 BDSG) — "
            "whatever the headcount, also for processing that needs a data protection impact assessment."))
        self.other.setTitle(self.tr("Authority, date and languages"))
        self.state.setItemText(0, self.tr("— not set —"))
        self.state.setAccessibleName(self.tr("Federal state"))
        self.labels[STATE].setText(self.tr("&Federal state:"))
        self.websites.setPlaceholderText(self.tr("https://www.example.de (one per line)"))
        self.websites.setAccessibleName(self.tr("Websites"))
        self.labels[WEBSITES].setText(self.tr("Web&site:"))
        self.use_postcode_state.setText(self.tr("Appl&y"))
        self._show_state_hint()
        self.stand.setAccessibleName(self.tr("Date of this version (Stand)"))
        self.labels[STAND].setText(self.tr("&Date (Stand):"))
        self.labels[LANGUAGES].setText(self.tr("Policy l&anguages:"))
        self.german_only.setText(self.tr("German"))
        self.german_english.setText(self.tr("German and English"))
        self.german_only.setAccessibleName(self.tr("Policy in German only"))
        self.german_english.setAccessibleName(self.tr("Policy in German and English"))
        self.languages_help.setText(self.tr(
            "German is always included. Add English if your website also addresses English-speaking visitors: "
            "your own texts are then needed in both languages."))

    def _show_representative_label(self) -> None:
        """A sole trader's or a freelancer's field names the owner, who is the controller in person."""
        owner = owned_by_person(self.model.project.controller)
        text = self.tr("O&wner:") if owner else self.tr("&Represented by:")
        plain = text.replace("&", "").rstrip(":")
        self.labels[REPRESENTATIVE].setText(text)
        self.fields[REPRESENTATIVE].setAccessibleName(plain)
        self.bindings[REPRESENTATIVE].label = plain

    # ------------------------------------------------------------------ user edits
    def _legal_form_chosen(self, _index: int) -> None:
        key = self.legal_form.currentData()
        if key != self.model.get(LEGAL_FORM):
            self.push(LEGAL_FORM, key, self.tr("Legal form"), None)
        if key == OTHER:
            self.legal_form_other.setFocus()

    def _name_finished(self) -> None:
        """A legal form the name ends with fills in an empty legal form (its own undo step)."""
        key = legal_form_to_fill(self.model.project, self.model.project.controller.name)
        if key:
            self.push(LEGAL_FORM, key, self.tr("Legal form"), None)

    def _postcode_edited(self, text: str) -> None:
        """A complete postcode fills in an empty federal state (its own undo step)."""
        state = state_to_fill(self.model.project, text, self.model.project.controller.country)
        if state:
            self.push(STATE, state, self.tr("Federal state"), None)

    def _use_postcode_state(self) -> None:
        state = self._postcode_state()
        if state:
            self.push(STATE, state, self.tr("Federal state"), None)

    def _postcode_state(self) -> str | None:
        controller = self.model.project.controller
        return state_for(controller.postcode, controller.country)

    def _show_state_hint(self) -> None:
        """Offer the postcode's state when another one is chosen (not when the postcode cannot tell)."""
        state, chosen = self._postcode_state(), self.model.project.state
        lang = "de" if translation.language() == "de" else "en"
        if state and chosen and chosen != state:
            self.state_hint_text.setText(self.tr("The postcode %1 is in %2.").replace(
                "%1", self.model.project.controller.postcode.strip()).replace("%2", state_name(state, lang)))
            self.use_postcode_state.setAccessibleName(self.tr("Use %1 as the federal state").replace(
                "%1", state_name(state, lang)))
        self.state_hint.setVisible(bool(state and chosen and chosen != state))

    def _finish_websites(self) -> None:
        """Leaving the field: https:// where none was typed, in the same undo step as the typing."""
        lines = [normalize(line) for line in self.websites.toPlainText().splitlines() if line.strip()]
        if lines != self.model.get(WEBSITES):
            self.push(WEBSITES, lines, self.tr("Websites"), self._websites_session)

    def _languages_chosen(self, english: bool) -> None:
        current = self.model.project.languages
        if english:  # an order the file already has (English first, from the command line) is kept
            value = list(current) if sorted(current) == ["de", "en"] else ["de", "en"]
        else:
            value = ["de"]
        if value != current:
            self.push(LANGUAGES, value, self.tr("Policy languages"), None)

    def _dpo_clicked(self, checked: bool) -> None:
        self.push(DpoTarget(), Dpo() if checked else None, self.tr("Data protection officer"), None)

    def _websites_changed(self) -> None:
        if self._updating:
            return
        lines = [line.strip() for line in self.websites.toPlainText().splitlines() if line.strip()]
        if lines != self.model.get(WEBSITES):
            self.push(WEBSITES, lines, self.tr("Websites"), self._websites_session)

    def _stand_changed(self, date: QDate) -> None:
        if self._updating:
            return
        self.push(STAND, date.toString(Qt.DateFormat.ISODate), self.tr("Date (Stand)"), self._stand_session)

    # ------------------------------------------------------------------ model → widgets
    def refresh(self, target: EditTarget | None = None) -> None:
        """Show the model's values: all of them for None (a new project), else ``target``'s."""
        whole = target is None
        if not (whole or isinstance(target, (ControllerField, DpoTarget, DpoField, ProjectField))):
            return
        self._updating = True
        try:
            for btarget, binding in self.bindings.items():
                if whole or target == btarget or (target == DpoTarget() and isinstance(btarget, DpoField)):
                    binding.refresh()
            project = self.model.project
            if whole or target == LEGAL_FORM:
                key = project.controller.legal_form
                index = self.legal_form.findData(key)
                if index < 0 and key:  # a hand-edited file's own text where a key belongs: shown, kept
                    self.legal_form.addItem(key, key)
                    index = self.legal_form.count() - 1
                self.legal_form.setCurrentIndex(max(index, 0))
                self.legal_form.setToolTip(self.legal_form.currentText() if index > 0 else "")  # when elided
                self.legal_form_other.setVisible(key == OTHER)
                self._show_representative_label()
            if whole or target in (STATE, POSTCODE, ControllerField("country")):
                self._show_state_hint()
            if whole or target == DpoTarget():
                self.has_dpo.setChecked(project.dpo is not None)
                self.dpo_fields.setEnabled(project.dpo is not None)
            if whole or target == LANGUAGES:
                self.languages.show_languages(project.languages)
            if whole or target == STAFF_20_PLUS:
                self.staff_20.setChecked(project.staff_20_plus is True)
            if whole or target == STATE:
                index = self.state.findData(project.state)
                self.state.setCurrentIndex(max(index, 0))
            if whole or target == WEBSITES:
                current = [line.strip() for line in self.websites.toPlainText().splitlines() if line.strip()]
                if current != project.websites:
                    self.websites.setPlainText("\n".join(project.websites))
            if whole or target == STAND:
                date = project.stand_date()
                qdate = QDate(date.year, date.month, date.day)
                if self.stand.date() != qdate:
                    self.stand.setDate(qdate)
        finally:
            self._updating = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.websites and event.type() == QEvent.Type.FocusOut:
            self._finish_websites()
            self._websites_session = next_session()  # the next typing in the field is a new undo step
        return super().eventFilter(watched, event)

    def _new_stand_session(self) -> None:
        self._stand_session = next_session()
