"""The record the own-service form describes, read from its widgets, and the changes a
confirmed form makes to the project (ONE undo step). Part of editor.gui.own_service_form."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox

from ..core import countries, own_services, schema
from ..core.project import SelectedService
from .targets import OWN_SERVICES, EditTarget, ServiceTarget

# the fields of a record this form decides; any other key of the record (an agency's own, or
# facts a pack author added) is kept as it was
FORM_KEYS = {"id", "category", "names", "role", "provider", "purposes", "data", "retention", "device_access",
             "transfer", "joint_control"}


class FormRecord:
    """Mixin of OwnServiceDialog: the widgets' content as a service record. The dialog provides
    ``catalog``, ``project``, ``original``, ``langs`` and the field widgets."""

    def country_code(self) -> str:
        """The country chosen, or typed as its code or name; a name nobody knows as typed (the
        form's list says what to type instead)."""
        data = self.country.currentData()
        text = self.country.currentText().strip()
        if data and text.startswith(str(data)):
            return str(data)
        return countries.code(text) or countries.code(text.split(" ", 1)[0]) or text

    def _text(self, widgets: dict[str, Any], old: schema.Text | None = None) -> schema.Text:
        values = {lang: (old.get(lang) if old else "") for lang in schema.LANGUAGES}
        values.update({lang: w.text().strip() for lang, w in widgets.items()})
        return schema.Text(**values)

    def _cell(self, row: int, column: int) -> str:
        item = self.purposes.item(row, column)
        return item.text().strip() if item is not None else ""

    def record(self) -> dict:
        """The record the form describes now (the original's other keys kept)."""
        old = None
        if self.original is not None:
            try:
                old = own_services.decode(self.original)
            except Exception:  # noqa: BLE001
                old = None
        purposes = []
        n_lang = len(self.langs)
        for n in range(self.purposes.rowCount()):
            texts = {lang: self._cell(n, k) for k, lang in enumerate(self.langs)}
            interests = {lang: self._cell(n, n_lang + 1 + k) for k, lang in enumerate(self.langs)}
            basis = self.purposes.cellWidget(n, n_lang).currentData()
            if not any(texts.values()):
                continue
            full = {lang: texts.get(lang, "") for lang in schema.LANGUAGES}
            interest = None
            if basis == "legitimate_interest" and any(interests.values()):
                interest = schema.Text(**{lang: interests.get(lang, "") for lang in schema.LANGUAGES})
            purposes.append(schema.Purpose(text=schema.Text(**full), basis=basis, interest=interest))
        lines = {lang: [line.strip() for line in self.data[lang].toPlainText().splitlines() if line.strip()]
                 for lang in self.langs}
        count = max((len(v) for v in lines.values()), default=0)
        data = schema.TextList(**{lang: [(lines.get(lang) or [])[k] if k < len(lines.get(lang) or []) else ""
                                         for k in range(count)] for lang in schema.LANGUAGES})
        names = self._text(self.names, old.names if old else None)
        taken = [*self.catalog.services, *(r.get("id") for r in self.project.own_services
                                          if isinstance(r, dict) and r is not self.original)]
        sid = old.id if old is not None else own_services.new_id(names.get(self.langs[0]) or names.de or names.en, taken)
        role = self.role.currentData()
        built = own_services.build(
            id=sid, name=names, category=self.category.currentData() or "", role=role, entity=self.entity.text(),
            address=self.address.text(), country=self.country_code(), privacy_url=self.privacy_url.text(),
            privacy_url_en=self.privacy_url_en.text(),
            purposes=purposes, data=data, retention=self._text(self.retention, old.retention if old else None),
            safeguard=self.safeguard.currentData() or "none", device_access=self.device.isChecked(),
            joint_control=self._text(self.joint, old.joint_control if old else None) if role == "joint_controller" else None,
        )
        new = own_services.to_record(built)
        if self.original is None:
            return new
        # the original's other keys (an agency's own, facts a pack author added) win over defaults
        kept = {k: v for k, v in self.original.items() if k not in FORM_KEYS}
        version = str(self.original.get("version", "1"))
        kept["version"] = str(int(version) + 1) if version.isdigit() else version
        return {**new, **kept}


def fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    if current is not None:
        select(combo, current)
    combo.blockSignals(False)


def select(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def own_service_changes(project, record: dict | None, index: int | None) -> list[tuple[EditTarget, Any]]:
    """The changes a confirmed dialog makes, for ONE undo step (GroupCommand): the list of own
    services, and the service's place in the selection (ticked when created, removed when
    deleted — ``record`` None). ``index``: the record's place in own_services; None = new."""
    records = list(project.own_services)
    if record is None:
        if index is None:
            return []
        removed = records.pop(index)
        sid = removed.get("id", "") if isinstance(removed, dict) else ""
        return [(ServiceTarget(sid), None), (OWN_SERVICES, records)]
    if index is None:
        records.append(record)
        place = (len(project.services), SelectedService(id=record["id"]))
        return [(OWN_SERVICES, records), (ServiceTarget(record["id"]), place)]
    records[index] = record
    return [(OWN_SERVICES, records)]
