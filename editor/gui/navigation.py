"""Going to the place of a target (targets.py): the widget where a finding can be fixed, the
form behind a clicked section of the preview, the service highlighted in the checklist."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QScrollArea, QTabWidget

from .checklist import ServiceChecklist
from .company_form import CompanyForm
from .forms import CustomSectionsForm, ServiceOptionsForm
from .preview import Preview
from .targets import (
    CategoryTarget, CustomSectionField, CustomSectionTarget, DocumentSection, DpoField, PackTarget, ServiceOption,
    ServicesTarget, ServiceTarget, Target, preview_target,
)

COMPANY_TAB, SERVICE_TAB, CUSTOM_TAB = 0, 1, 2


class Navigator(QObject):
    def __init__(self, tabs: QTabWidget, company_form: CompanyForm, company_scroll: QScrollArea,
                 checklist: ServiceChecklist, options_form: ServiceOptionsForm, custom_form: CustomSectionsForm,
                 preview: Preview, selected: Callable[[], list[str]], show_pack_errors: Callable[[], None],
                 fix_service: Callable[[str], None]) -> None:
        super().__init__(tabs)
        self.tabs, self.company_form, self.company_scroll = tabs, company_form, company_scroll
        self.checklist, self.options_form, self.custom_form, self.preview = checklist, options_form, custom_form, preview
        self.selected, self.show_pack_errors = selected, show_pack_errors
        # a finding about a described service opens its editor; one no pack knows offers its removal
        self.fix_service = fix_service

    def go(self, target: Target, focus: bool = True) -> None:
        """Show ``target``'s widget; with ``focus`` (a finding was chosen) put the keyboard focus
        there and scroll the preview to it as well (not for clicks in the preview itself)."""
        match target:
            case ServiceTarget(sid) if focus and self.checklist.item(sid) is None:  # no pack knows it
                self.fix_service(sid)
            case ServiceTarget(sid) | ServiceOption(sid, _):
                self.checklist.select_service(sid)
                self.tabs.setCurrentIndex(SERVICE_TAB)
                if focus:
                    self.checklist.tree.setFocus()
                    self.preview.scroll_to(f"service-{sid}")
                    if isinstance(target, ServiceTarget):
                        self.fix_service(sid)
            case CategoryTarget(cid):
                self.checklist.show_category(cid)
                if focus:
                    self.checklist.tree.setFocus()
            case ServicesTarget():
                self.checklist.search.setFocus()
            case CustomSectionTarget(cid) | CustomSectionField(cid, _, _):
                self.select_custom(cid)
                if focus:
                    self.preview.scroll_to(f"custom-{cid}")
            case DocumentSection(section):
                self.preview.scroll_to(section)
                if section.startswith("custom-"):
                    self.select_custom(section[len("custom-"):])
            case PackTarget():
                self.show_pack_errors()
            case _:
                widget = self.company_form.fields.get(target)
                if widget is None and isinstance(target, DpoField):
                    widget = self.company_form.has_dpo
                if widget is None:
                    return
                self.tabs.setCurrentIndex(COMPANY_TAB)
                if isinstance(target, DpoField) and not widget.isEnabled():
                    widget = self.company_form.has_dpo  # no DPO yet: the box that adds one
                self.company_scroll.ensureWidgetVisible(widget)
                if focus:
                    widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def preview_clicked(self, section_id: str, service: str) -> None:
        target = preview_target(section_id, service)
        if target is not None:
            self.go(target, focus=False)

    def service_highlighted(self, sid: str) -> None:
        """A row of the checklist became current: its options, and its text in the preview."""
        self.options_form.show_service(sid)
        if sid:
            self.tabs.setCurrentIndex(SERVICE_TAB)
            if sid in self.selected():
                self.preview.scroll_to(f"service-{sid}")

    def select_custom(self, cid: str) -> None:
        self.tabs.setCurrentIndex(CUSTOM_TAB)
        items = self.custom_form.list
        for i in range(items.count()):
            if items.item(i).data(Qt.ItemDataRole.UserRole) == cid:
                items.setCurrentRow(i)
