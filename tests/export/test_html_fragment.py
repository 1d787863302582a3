"""The HTML fragment a web designer pastes into someone else's page: plain numbering, an
optional <h1>, ids that cannot clash, an optional scoped stylesheet; and a page title that
fits a phone."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from editor.cli import main
from editor.export import ExportError, check_options
from editor.export import html as writer
from editor.resources import resource
from samples import sample


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.starts: list[tuple[str, dict, tuple[str, ...]]] = []  # tag, attributes, open ancestors
        self.stack: list[str] = []
        self.css = ""

    def handle_starttag(self, tag, attrs):
        self.starts.append((tag, dict(attrs), tuple(self.stack)))
        if tag not in ("br", "meta"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag):]

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "style":
            self.css += data


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def test_fragment_contents_are_not_numbered_twice_on_a_plain_page():
    """No stylesheet of ours: an <ol> would add "1." before the typed "1."."""
    tags = parse(writer.render(sample(), fragment=True))
    lists = [attrs for tag, attrs, parents in tags.starts if tag == "ol" and "nav" in parents]
    assert len(lists) == 2
    assert all("list-style:none" in attrs.get("style", "").replace(" ", "") for attrs in lists)


def test_page_contents_are_not_numbered_twice_either():
    css = resource("html", "style.css").read_text(encoding="utf-8")
    assert re.search(r"\.pp-toc ol \{[^}]*list-style: none", css)


@pytest.mark.parametrize("fragment", [True, False])
def test_every_id_is_prefixed_and_every_anchor_finds_its_target(fragment):
    html = writer.render(sample(), fragment=fragment)
    tags = parse(html)
    ids = [attrs["id"] for _, attrs, _ in tags.starts if "id" in attrs]
    assert ids and all(i.startswith("pe-") for i in ids)
    assert len(ids) == len(set(ids))
    anchors = [attrs["href"][1:] for _, attrs, _ in tags.starts if attrs.get("href", "").startswith("#")]
    assert anchors and set(anchors) <= set(ids)
    for word in ("intro", "toc-title", "policy-title"):
        assert f'id="{word}"' not in html and f'href="#{word}"' not in html


def test_the_title_is_optional_in_the_fragment():
    with_title = parse(writer.render(sample(), fragment=True))
    without = writer.render(sample(), fragment=True, no_title=True)
    assert [t for t, _, _ in with_title.starts].count("h1") == 1
    assert "<h1" not in without
    assert "pp-company" in without and "Stand:" in without  # the rest of the header stays


def test_scoped_stylesheet_is_optional_and_styles_only_the_policy():
    plain = writer.render(sample(), fragment=True)
    styled = writer.render(sample(), fragment=True, stylesheet=True)
    assert "<style>" not in plain
    tags = parse(styled)
    assert [t for t, _, _ in tags.starts][:2] == ["style", "div"]
    css = re.sub(r"/\*.*?\*/", "", tags.css, flags=re.S)
    selectors = [sel.strip() for block in re.findall(r"([^{}]+)\{", css) for sel in block.split(",")]
    assert selectors and all(sel.startswith(".pe-policy") for sel in selectors), selectors
    assert "url(" not in css and "@import" not in css  # nothing to load


def test_fragment_options_need_the_fragment():
    with pytest.raises(ExportError, match="--fragment"):
        writer.render(sample(), no_title=True)
    with pytest.raises(ExportError, match="--no-title works only with the HTML format"):
        check_options("docx", no_title=True)


def test_cli_writes_a_fragment_without_title_with_stylesheet(tmp_path, capsys):
    from editor.core.project import example_project, save

    project = tmp_path / "shop.policy.json"
    save(example_project(), project)
    out = tmp_path / "policy.html"
    assert main(["export", str(project), "-o", str(out), "--fragment", "--no-title", "--stylesheet"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<h1" not in html and html.startswith("<style>") and 'id="pe-' in html
    assert main(["export", str(project), "-o", str(tmp_path / "page.html"), "--no-title"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--fragment" in err


def test_page_title_fits_a_375px_phone(qapp):
    """Chromium is not installed: the narrow layout is computed from the stylesheet, the word
    measured with Qt in the widest common sans-serif (DejaVu Sans; system-ui is narrower)."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF  # (qapp: a QApplication, as later widget tests need)

    css = resource("html", "style.css").read_text(encoding="utf-8")
    narrow = css[css.index("@media (max-width: 40rem)"):]
    narrow = narrow[:narrow.index("\n}\n")]
    title_rem = float(re.search(r"\.pe-policy h1 \{ font-size: ([\d.]+)rem", narrow).group(1))
    padding_rem = float(re.search(r"\.pe-policy \{ padding: [\d.]+rem ([\d.]+)rem", narrow).group(1))
    assert re.search(r"\.pe-policy h1 \{[^}]*hyphens: auto", css)  # and where it still does not fit: a real hyphen
    if "DejaVu Sans" not in QFontDatabase.families():
        pytest.skip("DejaVu Sans is not installed")
    font = QFont("DejaVu Sans")
    font.setPixelSize(round(title_rem * 16))
    font.setWeight(QFont.Weight(650))
    width = QFontMetricsF(font).horizontalAdvance("Datenschutzerklärung")
    assert width <= 375 - 2 * padding_rem * 16
