"""Middle pane, second and third tab: the options of the highlighted service and the user's own
sections. The conventions for undo steps and translation are those of company_form.py.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from ..core import countries
from ..core.catalog import HEALTH_DATA_OPTION
from ..core.project import CustomSection, LocalText
from .company_form import Push, next_session
from .model import ProjectModel
from .targets import CUSTOM_SECTIONS, LANGUAGES, CustomSectionField, EditTarget, ServiceOption, ServiceTarget
from .translation import Retranslating
from .wheel import guard_wheel


class ServiceOptionsForm(Retranslating, QWidget):
    """Facts and options of the service highlighted in the checklist."""

    tick_requested = Signal(str, bool)

    def __init__(self, model: ProjectModel, push: Push, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.push, self.lang = model, push, lang
        self.catalog = None
        self.service_id = ""
        self.widgets: dict[str, QWidget] = {}
        self.follow_hints: dict[str, QLabel] = {}  # under a period option: whose period it follows
        self._updating = False
        self._session = next_session()
        self.layout_ = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.include = QCheckBox()
        self.include.clicked.connect(lambda checked: self.tick_requested.emit(self.service_id, checked))
        self.options_box = QGroupBox()
        self.options_form = QFormLayout(self.options_box)
        self.options_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        for w in (self.empty, self.title, self.facts, self.include, self.options_box):
            self.layout_.addWidget(w)
        self.layout_.addStretch(1)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt's name
        self.include.setText(self.tr("&Include this service in the policy"))
        self.options_box.setTitle(self.tr("Options"))
        self.empty.setText(self.tr("Choose a service in the list on the left to see its details and options."))
        self.show_service(self.service_id)  # its facts are sentences of ours


    def set_catalog(self, catalog) -> None:
        self.catalog = catalog
        self.show_service(self.service_id)

    def set_language(self, lang: str) -> None:
        """Show the catalog's names and labels in ``lang`` (the interface language)."""
        self.lang = lang
        self.show_service(self.service_id)

    def show_service(self, sid: str) -> None:
        self.service_id = sid
        service = self.catalog.services.get(sid) if self.catalog is not None and sid else None
        for w in (self.title, self.facts, self.include, self.options_box):
            w.setVisible(service is not None)
        self.empty.setVisible(service is None)
        while self.options_form.rowCount():
            self.options_form.removeRow(0)
        self.widgets, self.follow_hints = {}, {}
        if service is None:
            return
        lang = self.lang
        self.title.setText(service.name(lang))
        self.options_box.setVisible(bool(service.options))
        for option in service.options:
            widget = self._option_widget(service, option)
            guard_wheel(widget)  # scrolling the options must not change one under the mouse
            text = option.label.get(lang)
            label = QLabel(text if text.endswith(("?", ":")) else f"{text}:")  # a question takes no colon
            label.setWordWrap(True)
            label.setBuddy(widget)
            widget.setAccessibleName(option.label.get(lang))
            if option.help is not None:
                widget.setToolTip(option.help.get(lang))
                label.setToolTip(option.help.get(lang))
            self.options_form.addRow(label, widget)
            self.options_form.setRowVisible(widget, option.id != HEALTH_DATA_OPTION)  # refresh() decides
            self.widgets[option.id] = widget
            if any(p.option == option.id for p in service.periods):
                hint = self.follow_hints[option.id] = QLabel()
                hint.setWordWrap(True)
                self.options_form.addRow("", hint)
        self.refresh()

    def _show_facts(self, service, options: dict[str, Any]) -> None:
        """The description as the policy words it with these options (never its template code),
        the provider and when the facts were checked."""
        from ..core.composer import ComposeError, composer_for
        from ..core.context import format_date  # here: the first paint leaves the composer for later
        from ..core.catalog import is_own

        lang = self.lang
        try:
            description = composer_for(self.catalog).description_text(service, lang, options)
        except ComposeError as exc:  # the pack's template is broken: say so rather than show its code
            description = str(exc)
        lines = [description] if description.strip() else []  # an own service may have none
        if service.provider is not None:
            lines.append(self.tr("Provider: %1, %2").replace("%1", service.provider.entity)
                         .replace("%2", countries.name(service.provider.country, lang)))
        elif self.catalog.without_provider(service) != "own_processing":  # own processing: the text says who helps
            lines.append(self.tr("Self-hosted: no outside provider"))
        verified = format_date(service.verified, lang if lang in ("de", "en") else "en")  # not ISO: the user's way
        # the user's own description was checked against rules, never against the facts
        lines.append((self.tr("Described by you: %1") if is_own(self.catalog, service.id)
                      else self.tr("Facts verified: %1")).replace("%1", verified))
        self.facts.setText("\n".join(lines))

    def _option_widget(self, service, option) -> QWidget:
        target = ServiceOption(service.id, option.id)
        text = option.label.get(self.lang)

        def push(value: Any, merge: bool = False) -> None:
            if not self._updating:
                self.push(target, value, text, self._session if merge else None)

        if option.type == "bool":
            widget = QCheckBox()
            widget.clicked.connect(lambda checked: push(bool(checked)))
        elif option.type == "choice":
            widget = QComboBox()
            for choice in option.choices:
                widget.addItem(choice.label.get(self.lang), choice.value)
            widget.activated.connect(lambda _i, w=widget: push(w.currentData()))
        elif option.type == "int":
            widget = QSpinBox()
            widget.setRange(option.min if option.min is not None else 0,
                            option.max if option.max is not None else 1_000_000)
            widget.valueChanged.connect(lambda v: push(int(v), merge=True))
            widget.editingFinished.connect(self._new_session)
        else:
            widget = QLineEdit()
            widget.textEdited.connect(lambda t: push(t, merge=True))
            widget.editingFinished.connect(self._new_session)
        return widget

    def _new_session(self) -> None:
        self._session = next_session()

    def refresh(self, target: EditTarget | None = None) -> None:
        if self.catalog is None or not self.service_id:
            return
        # another service ticked or unticked may state the period an option follows
        if target is not None and not isinstance(target, ServiceTarget) \
                and not (isinstance(target, ServiceOption) and target.service == self.service_id):
            return
        service = self.catalog.services.get(self.service_id)
        if service is None:
            return
        from ..core.options import chosen_applies, followed_periods, option_values

        selected = self.model.selected_service(self.service_id)
        chosen = selected.options if selected else {}
        records = [self.catalog.services[sid] for sid in self.model.project.service_ids() if sid in self.catalog.services]
        values = option_values(service, chosen, records)
        self._show_facts(service, values)
        # shown at a practice or while on (hidden by show_service); once shown it stays while the
        # service is: it must not vanish under the mouse that just turned it off
        if HEALTH_DATA_OPTION in self.widgets and self.catalog.health_data_matter(records, values):
            self.options_form.setRowVisible(self.widgets[HEALTH_DATA_OPTION], True)
        followed = followed_periods(service, records)
        options = {o.id: o for o in service.options}
        for oid, hint in self.follow_hints.items():  # the user's own value wins
            self.options_form.setRowVisible(hint, oid in followed and not chosen_applies(options[oid], chosen))
            if oid in followed:
                hint.setText(self.tr("Follows %1: %n day(s). A value you set here applies instead.", "",
                                     followed[oid].days)
                             .replace("%1", ", ".join(s.name(self.lang) for s in followed[oid].services)))
        self._updating = True
        try:
            self.include.setChecked(selected is not None)
            self.options_box.setEnabled(selected is not None)
            for option in service.options:
                widget, value = self.widgets.get(option.id), values[option.id]
                if isinstance(widget, QCheckBox):
                    widget.setChecked(bool(value))
                elif isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(widget.findData(value), 0))
                elif isinstance(widget, QSpinBox):
                    if widget.value() != value:
                        widget.setValue(int(value))
                elif isinstance(widget, QLineEdit):
                    if widget.text() != value:
                        widget.setText(str(value))
        finally:
            self._updating = False


class CustomSectionsForm(Retranslating, QWidget):
    """The user's own sections: a list, add/remove, title and Markdown body per language."""

    def __init__(self, model: ProjectModel, push: Push, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.push = model, push
        self.lang = "de"
        self._updating = False
        self._session = next_session()
        self.intro = intro = QLabel()
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setMaximumHeight(130)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.title = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.editor = QWidget()
        form = QFormLayout(self.editor)
        form.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel()
        self.title_label.setBuddy(self.title)
        self.body_label = QLabel()
        self.body_label.setBuddy(self.body)
        form.addRow(self.title_label, self.title)
        form.addRow(self.body_label, self.body)
        # a policy in two languages: the fields show one, the toolbar's switch chooses which
        self.language_hint = QLabel()
        self.language_hint.setWordWrap(True)
        form.addRow("", self.language_hint)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.editor, 1)
        self.add_button.clicked.connect(self.add_section)
        self.remove_button.clicked.connect(self.remove_section)
        self.list.currentRowChanged.connect(lambda _r: self._show_current())
        self.title.textEdited.connect(lambda t: self._edit("title", t))
        self.title.editingFinished.connect(self._new_session)
        self.body.textChanged.connect(lambda: self._edit("body", self.body.toPlainText()))
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt's name
        self.intro.setText(self.tr("Add text of your own, e.g. about your shop's customer account. "
                                   "The body is Markdown: **bold**, *italic*, lists with \"- \"."))
        self.list.setAccessibleName(self.tr("Custom sections"))
        self.add_button.setText(self.tr("&Add section"))
        self.remove_button.setText(self.tr("Re&move section"))
        self.title.setAccessibleName(self.tr("Section title"))
        self.body.setAccessibleName(self.tr("Section text (Markdown)"))
        self._show_current()  # the labels name the document language


    def _new_session(self) -> None:
        self._session = next_session()

    def current_id(self) -> str:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def add_section(self) -> None:
        sections = self.model.get(CUSTOM_SECTIONS)
        used = {c.id for c in sections}
        n = 1
        while f"s{n}" in used:
            n += 1
        title = self.tr("New section")
        sections.append(CustomSection(id=f"s{n}", title=LocalText(de=title if self.lang == "de" else "",
                                                                   en=title if self.lang == "en" else "")))
        self.push(CUSTOM_SECTIONS, sections, self.tr("Add section"), None)
        self.list.setCurrentRow(self.list.count() - 1)
        self.title.setFocus()
        self.title.selectAll()

    def remove_section(self) -> None:
        cid = self.current_id()
        if cid:
            sections = [c for c in self.model.get(CUSTOM_SECTIONS) if c.id != cid]
            self.push(CUSTOM_SECTIONS, sections, self.tr("Remove section"), None)

    def _edit(self, part: str, text: str) -> None:
        cid = self.current_id()
        if self._updating or not cid:
            return
        target = CustomSectionField(cid, part, self.lang)
        if self.model.get(target) != text:
            self.push(target, text, self.tr("Custom section"), self._session)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.refresh()

    def refresh(self, target: EditTarget | None = None) -> None:
        if target == LANGUAGES:
            self._show_current()
            return
        if target is not None and target != CUSTOM_SECTIONS and not isinstance(target, CustomSectionField):
            return
        self._updating = True
        try:
            current = self.current_id()
            sections = self.model.project.custom_sections
            if [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())] != [c.id for c in sections] \
                    or not isinstance(target, CustomSectionField):
                self.list.clear()
                for c in sections:
                    item = QListWidgetItem(getattr(c.title, self.lang) or getattr(c.title, "de") or "…")
                    item.setData(Qt.ItemDataRole.UserRole, c.id)
                    self.list.addItem(item)
                ids = [c.id for c in sections]
                if current in ids:
                    self.list.setCurrentRow(ids.index(current))
                elif ids:
                    self.list.setCurrentRow(len(ids) - 1)
            else:
                for i, c in enumerate(sections):
                    self.list.item(i).setText(getattr(c.title, self.lang) or "…")
        finally:
            self._updating = False
        self._show_current()

    def _show_current(self) -> None:
        cid = self.current_id()
        section = self.model.custom(cid) if cid else None
        self.editor.setEnabled(section is not None)
        self.remove_button.setEnabled(section is not None)
        language = {"de": self.tr("German"), "en": self.tr("English")}[self.lang]
        self.title_label.setText(self.tr("&Title (%1):").replace("%1", language))
        self.body_label.setText(self.tr("Te&xt (%1):").replace("%1", language))
        other = "en" if self.lang == "de" else "de"
        self.language_hint.setText(self.tr("For the %1 text, choose %1 under “Document language” in the toolbar.")
                                   .replace("%1", {"de": self.tr("German"), "en": self.tr("English")}[other]))
        self.language_hint.setVisible(other in self.model.project.languages)
        self._updating = True
        try:
            title = getattr(section.title, self.lang) if section else ""
            body = getattr(section.body, self.lang) if section else ""
            if self.title.text() != title:
                self.title.setText(title)
            if self.body.toPlainText() != body:
                self.body.setPlainText(body)
        finally:
            self._updating = False
