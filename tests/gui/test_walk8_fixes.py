"""Findings of the second new user's walk-through (walk8, a physiotherapy practice) that lead to
where they can be fixed: a finding about something missing opens what is missing."""
import pytest
from test_walk6_fixes import click_finding, shown  # the test folder is on sys.path (no package)

from editor.core.project import SelectedService


@pytest.mark.parametrize(("services", "code", "category"), [
    # "'AI voice assistant' also needs 'AI model providers'": it selected the assistant, the providers stayed folded
    ([SelectedService(id="ai-voice-assistant", options={"channel": "web"})], "requires", "ai"),
    # "'Dr. Flex' needs the visitors' prior consent, but no consent banner is selected": it selected Dr. Flex
    ([SelectedService(id="strato"), SelectedService(id="dr-flex")], "consent-tool-missing", "consent"),
])
def test_a_finding_about_something_missing_opens_the_category_to_choose_it_from(project_window, catalog, services,
                                                                              code, category):
    w = shown(project_window)
    project = w.model.project
    project.services = services
    w.session.set_project(project, None)
    w.checklist.search.setText("dr flex")  # a previous search that hides the category
    click_finding(w, code)
    checklist = w.checklist
    assert checklist.search.text() == ""
    item = checklist.tree.currentItem()
    assert item is not None and item.text(0) == catalog.categories[category].title.get("en")
    assert item.isExpanded() and item.childCount() > 1
    assert checklist.tree.viewport().rect().contains(checklist.tree.visualItemRect(item.child(0)))
