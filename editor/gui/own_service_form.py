"""The own-service form: a shop owner describes a service the catalog lacks.

A dialog, opened from the checklist ("Describe a service yourself…", the search's dead end
"Not in the list? Describe it yourself", a double-click on an own service) and from the scan's
"Not recognised" hosts. It asks, in plain words, what a service record needs: name, provider
(entity, address, country, privacy notice), role, category, each purpose with its legal basis
(and the interest for Art. 6(1)(f)), data, retention, the transfer safeguard when the country
is outside the EU/EEA, and whether it accesses the visitor's device — every text in each of the
project's languages. Below, what is still missing or wrong is listed as the user types (the
same rules checks() reports). The dialog only builds a record; the main window turns the
confirmed dialog into ONE undo step (``own_service_record.own_service_changes``).
"""
from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QTableWidget, QVBoxLayout, QWidget,
)

from ..core import countries, own_services, schema
from ..core.own_service_messages import rule_text
from .own_service_record import FormRecord, fill_combo, select
from .translation import Retranslating
from .wheel import guard_wheel

ROLES = ("processor", "controller", "joint_controller", "self_hosted")
BASES = ("consent", "explicit_consent", "contract", "legal_obligation", "legitimate_interest")
class OwnServiceDialog(FormRecord, Retranslating, QDialog):
    """Create (``record`` None) or edit one own service. ``result_record`` holds the record after
    OK; ``deleted`` is True when the user chose Delete."""

    def __init__(self, catalog, project, record: dict | None = None, hint: str = "", ui_language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog, self.project, self.original = catalog.base, project, record
        self.langs = [lang for lang in project.languages if lang in schema.LANGUAGES] or ["de"]
        self.ui_language = ui_language
        self.result_record: dict | None = None
        self.deleted = False
        self.setObjectName("own_service_dialog")
        self.resize(820, 760)

        self.names = {lang: QLineEdit() for lang in self.langs}
        self.entity, self.address, self.privacy_url = QLineEdit(), QLineEdit(), QLineEdit()
        self.privacy_url_en = QLineEdit()  # the notice in English, where it has its own address
        self.country = QComboBox()
        self.country.setEditable(True)
        for code in sorted(countries.EEA | {"US", "GB", "CH", "CA", "JP", "IN", "AU", "IL", "KR", "NZ", "UY", "AR"}):
            self.country.addItem(f"{code} – {countries.name(code, ui_language)}", code)
        self.country.setCurrentIndex(self.country.findData("DE"))  # not the list's first (Argentina)
        # "Nether" offers "NL – Netherlands": the entries start with the code, people type the name
        self.country.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.country.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.role, self.category, self.safeguard = QComboBox(), QComboBox(), QComboBox()
        self.category.addItem("", "")  # "— choose —" (retranslateUi): the user picks, no guessed default
        for category in self.catalog.ordered_categories():
            self.category.addItem(category.title.get(ui_language), category.id)
        for combo in (self.role, self.category, self.safeguard, self.country):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.device = QCheckBox()
        self.purposes = QTableWidget(0, 2 * len(self.langs) + 1)
        self.purposes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.purposes.horizontalHeader().setDefaultSectionSize(170)
        self.purposes.horizontalHeader().setStretchLastSection(True)  # no empty strip beside the columns
        self.purposes.setMinimumWidth(200)
        self.purposes.setMinimumHeight(130)
        self.add_purpose, self.remove_purpose = QPushButton(), QPushButton()
        self.data = {lang: QPlainTextEdit() for lang in self.langs}
        self.retention = {lang: QLineEdit() for lang in self.langs}
        self.joint = {lang: QLineEdit() for lang in self.langs}
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setObjectName("own_service_problems")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.address_note = QLabel()  # a processor's address is not printed: say so where it is typed
        self.address_note.setWordWrap(True)
        self.address_note.setObjectName("own_service_address_note")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}

        def row(key: str, widget: QWidget) -> None:
            self.labels[key] = QLabel()
            self.labels[key].setBuddy(widget)
            form.addRow(self.labels[key], widget)

        for lang in self.langs:
            row(f"name.{lang}", self.names[lang])
        row("category", self.category)
        row("role", self.role)
        row("entity", self.entity)
        address = QWidget()  # the field and, below it, what the policy does with it
        address_box = QVBoxLayout(address)
        address_box.setContentsMargins(0, 0, 0, 0)
        address_box.addWidget(self.address)
        address_box.addWidget(self.address_note)
        row("address", address)
        self.labels["address"].setBuddy(self.address)  # Alt+D types into the field
        row("country", self.country)
        row("safeguard", self.safeguard)
        row("privacy_url", self.privacy_url)
        row("privacy_url_en", self.privacy_url_en)
        # asked only when the policy has both languages; kept (hidden) otherwise, so it is not lost
        both = {"de", "en"} <= set(self.langs)
        self.privacy_url_en.setVisible(both)
        self.labels["privacy_url_en"].setVisible(both)
        row("device", self.device)
        self.purpose_box = QGroupBox()
        box = QVBoxLayout(self.purpose_box)
        box.addWidget(self.purposes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_purpose)
        buttons.addWidget(self.remove_purpose)
        buttons.addStretch(1)
        box.addLayout(buttons)
        form.addRow(self.purpose_box)
        for lang in self.langs:
            self.data[lang].setFixedHeight(70)
            row(f"data.{lang}", self.data[lang])
        for lang in self.langs:
            row(f"retention.{lang}", self.retention[lang])
        for lang in self.langs:
            row(f"joint.{lang}", self.joint[lang])
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setVisible(record is not None)
        self.pack_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        guard_wheel(self)  # scrolling the form must not change the category or country under the mouse
        self.retranslateUi()
        self._fill(record, hint)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self._delete)
        self.pack_button.clicked.connect(self._save_as_pack)
        self.add_purpose.clicked.connect(lambda: (self._add_purpose_row(), self._update()))
        self.remove_purpose.clicked.connect(self._remove_purpose_row)
        for widget in [*self.names.values(), self.entity, self.address, self.privacy_url, self.privacy_url_en,
                       *self.retention.values(),
                       *self.joint.values()]:
            widget.textChanged.connect(self._update)
        for widget in self.data.values():
            widget.textChanged.connect(self._update)
        for combo in (self.role, self.category, self.safeguard):
            combo.currentIndexChanged.connect(self._update)
        self.country.currentTextChanged.connect(self._update)
        self.device.toggled.connect(self._update)
        self.purposes.itemChanged.connect(self._update)
        self._update()

    # ------------------------------------------------------------------ wording
    def retranslateUi(self) -> None:  # noqa: N802 - Qt's name
        in_ = lambda text, lang: self.tr("%1 (%2)").replace("%1", text).replace("%2", self.language_name(lang))  # noqa: E731
        self.setWindowTitle(self.tr("Describe a service yourself") if self.original is None
                            else self.tr("Edit your own service"))
        self.intro.setText(self.tr("Describe the service as its provider does in its privacy notice and contract. "
                                   "Policy Editor checks your entries by the same rules as the services of the clause "
                                   "packs, but cannot check the facts: the review edition marks them as described by you."))
        texts = {"category": self.tr("Ca&tegory:"), "role": self.tr("&Role of the provider:"),
                 "entity": self.tr("Provider (legal &entity):"), "address": self.tr("Provider's a&ddress:"),
                 "country": self.tr("Provider's c&ountry:"), "safeguard": self.tr("Transfer &safeguard:"),
                 "privacy_url": self.tr("Provider's &privacy notice (https://…):"),
                 "privacy_url_en": self.tr("Privacy notice in English, if separate:"),
                 "device": self.tr("Device access:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.category.setItemText(0, self.tr("— choose a category —"))
        for lang in self.langs:
            self.labels[f"name.{lang}"].setText(in_(self.tr("&Name"), lang) + ":")
            self.labels[f"data.{lang}"].setText(in_(self.tr("Data processed, one per line"), lang) + ":")
            self.labels[f"retention.{lang}"].setText(in_(self.tr("How long it is kept"), lang) + ":")
            self.labels[f"joint.{lang}"].setText(in_(self.tr("What the joint-control arrangement covers"), lang) + ":")
        self.address_note.setText(self.tr("Not printed for a processor: the policy names it with its country, "
                                          "like every processor."))
        self.device.setText(self.tr("Stores or reads data on the visitor's device"))
        self.device.setToolTip(self.tr("For example cookies, local storage or a device fingerprint: then the visitors "
                                       "must consent first (Section 25 TDDDG)."))
        roles = {"processor": self.tr("Processes data on our behalf (processor, Art. 28 GDPR)"),
                 "controller": self.tr("Decides on its own (independent controller)"),
                 "joint_controller": self.tr("Decides together with us (joint controller, Art. 26 GDPR)"),
                 "self_hosted": self.tr("We run it ourselves (self-hosted, no recipient)")}
        fill_combo(self.role, [(roles[r], r) for r in ROLES])
        safeguards = {"": self.tr("— choose —"), "adequacy": self.tr("Adequacy decision of the EU Commission"),
                      "dpf_scc": self.tr("EU-US Data Privacy Framework, standard contractual clauses as fallback"),
                      "scc": self.tr("Standard contractual clauses (2021/914)"),
                      "bcr": self.tr("Binding corporate rules")}
        fill_combo(self.safeguard, [(safeguards[s], s) for s in ("", *own_services.SAFEGUARDS)])
        self.bases = {"consent": self.tr("Consent"), "explicit_consent": self.tr("Explicit consent (health and other special data)"),
                      "contract": self.tr("Contract"),
                      "legal_obligation": self.tr("Legal obligation"),
                      "legitimate_interest": self.tr("Legitimate interest")}
        for n in range(self.purposes.rowCount()):
            combo = self.purposes.cellWidget(n, len(self.langs))
            fill_combo(combo, [(self.bases[b], b) for b in BASES])
        headers = [in_(self.tr("Purpose"), lang) for lang in self.langs] + [self.tr("Legal basis")]
        headers += [in_(self.tr("Interest"), lang) for lang in self.langs]
        self.purposes.setHorizontalHeaderLabels(headers)
        self.purpose_box.setTitle(self.tr("Purposes and their legal basis"))
        self.purposes.setToolTip(self.tr("For a legitimate interest (Art. 6(1)(f) GDPR), spell out the interest."))
        self.add_purpose.setText(self.tr("&Add purpose"))
        self.remove_purpose.setText(self.tr("Remove purpose"))
        self.delete_button.setText(self.tr("&Delete service"))
        self.pack_button.setText(self.tr("Save as &user pack…"))
        if hasattr(self, "_problem_list"):
            self._update()

    def language_name(self, lang: str) -> str:
        return {"de": self.tr("German"), "en": self.tr("English")}.get(lang, lang)

    # ------------------------------------------------------------------ content
    def _fill(self, record: dict | None, hint: str) -> None:
        service = None
        if record is not None:
            try:
                service = own_services.decode(record)
            except Exception:  # noqa: BLE001 — a broken record opens empty but keeps its id
                service = None
        if service is None:
            for lang in self.langs:
                self.names[lang].setText(hint)
            if hint:
                self.entity.setPlaceholderText(self.tr("The company behind %1, e.g. “Example Inc.”").replace("%1", hint))
            self._add_purpose_row()
            return
        for lang in self.langs:
            self.names[lang].setText(service.names.get(lang))
            self.data[lang].setPlainText("\n".join(getattr(service.data, lang)))
            self.retention[lang].setText(service.retention.get(lang))
            self.joint[lang].setText(service.joint_control.get(lang) if service.joint_control else "")
        select(self.category, service.category)
        select(self.role, service.role)
        if service.provider is not None:
            self.entity.setText(service.provider.entity)
            self.address.setText(service.provider.address)
            self.privacy_url.setText(service.provider.privacy_url)
            self.privacy_url_en.setText(service.provider.privacy_url_en or "")
            index = self.country.findData(service.provider.country)
            self.country.setCurrentIndex(index) if index >= 0 else self.country.setEditText(service.provider.country)
        if service.transfer is not None and service.transfer.safeguard != "none":
            select(self.safeguard, service.transfer.safeguard)
        self.device.setChecked(service.device_access)
        for purpose in service.purposes:
            self._add_purpose_row(purpose)
        if not service.purposes:
            self._add_purpose_row()

    def _add_purpose_row(self, purpose: schema.Purpose | None = None) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        n = self.purposes.rowCount()
        self.purposes.blockSignals(True)
        self.purposes.insertRow(n)
        for k, lang in enumerate(self.langs):
            self.purposes.setItem(n, k, QTableWidgetItem(purpose.text.get(lang) if purpose else ""))
            interest = purpose.interest.get(lang) if purpose and purpose.interest else ""
            self.purposes.setItem(n, len(self.langs) + 1 + k, QTableWidgetItem(interest))
        combo = QComboBox()
        fill_combo(combo, [(self.bases[b], b) for b in BASES])
        select(combo, purpose.basis if purpose else "contract")
        combo.currentIndexChanged.connect(self._update)
        self.purposes.setCellWidget(n, len(self.langs), combo)
        guard_wheel(combo)
        self.purposes.blockSignals(False)

    def _remove_purpose_row(self) -> None:
        row = self.purposes.currentRow()
        self.purposes.removeRow(row if row >= 0 else self.purposes.rowCount() - 1)
        self._update()

    # ------------------------------------------------------------------ what is missing
    def problem_lines(self) -> list[str]:
        """What is still missing or wrong, in the user's words (the rules of checks())."""
        draft = SimpleNamespace(own_services=[self.record()], languages=self.langs)
        lines: list[str] = []
        missing: dict[str, list[str]] = {}
        for problem in own_services.read(self.catalog, draft).problems:
            if problem.kind == "language":
                name = self.field_name(problem.field.rsplit(".", 1)[0])
                names = missing.setdefault(problem.message, [])
                if name not in names:
                    names.append(name)
            elif problem.kind == "transfer":
                lines.append(self.tr("%1 is outside the EU/EEA: choose a transfer safeguard.")
                             .replace("%1", countries.name(problem.message, self.ui_language)))
            else:
                lines.append(rule_text(problem.field, problem.message, self.ui_language))
        for lang, names in missing.items():
            lines.append(self.tr("Missing in %1: %2").replace("%1", self.language_name(lang)).replace("%2", ", ".join(names)))
        return lines

    def field_name(self, field: str) -> str:
        return own_services.field_label(field, self.ui_language)

    def _update(self, *_args) -> None:
        country = self.country_code()
        outside = self.role.currentData() != "self_hosted" and len(country) == 2 and country not in countries.EEA
        self.safeguard.setEnabled(outside)
        joint = self.role.currentData() == "joint_controller"
        self.address_note.setVisible(self.role.currentData() == "processor")
        for lang in self.langs:
            self.joint[lang].setVisible(joint)
            self.labels[f"joint.{lang}"].setVisible(joint)
        self._problem_list = list(dict.fromkeys(self.problem_lines()))  # two rules may say the same
        if self._problem_list:
            self.problems.setText(self.tr("Still missing or to check:") + "\n• " + "\n• ".join(self._problem_list[:8]))
        else:
            self.problems.setText(self.tr("Complete: nothing is missing."))
        self._keep_problems_height()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._has_name())

    def _keep_problems_height(self) -> None:
        """The list below the form keeps the height of its longest text so far: shrinking as the
        user fills in fields, it let the form grow and moved the next field away from the mouse."""
        width = self.problems.width() if self.isVisible() else self.width() - 24
        needed = self.problems.heightForWidth(max(width, 1))
        if needed > self.problems.minimumHeight():
            self.problems.setMinimumHeight(needed)

    def _has_name(self) -> bool:
        return any(w.text().strip() for w in self.names.values())

    # ------------------------------------------------------------------ buttons
    def _accept(self) -> None:
        if not self._has_name():
            return
        self.result_record = self.record()
        self.accept()

    def _delete(self) -> None:
        answer = QMessageBox.question(self, self.tr("Delete service"),
                                      self.tr("Delete this service from the project? You can undo it."))
        if answer == QMessageBox.StandardButton.Yes:
            self.deleted = True
            self.accept()

    def _save_as_pack(self) -> None:
        from ..core.packfiles import user_packs_dir
        from ..core.user_pack import save_as_pack

        try:
            service = own_services.decode(self.record())
            folder = save_as_pack([service], user_packs_dir(), f"user-{service.id}")
        except Exception as exc:  # noqa: BLE001 — one sentence for the user
            QMessageBox.warning(self, self.tr("Save as user pack"),
                                self.tr("The pack could not be written (%1).").replace("%1", str(exc)))
            return
        QMessageBox.information(self, self.tr("Save as user pack"),
                                self.tr("Saved as a clause pack in %1. It is available in every project after "
                                        "the next start.").replace("%1", str(folder)))
