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


def without_styles(html: str) -> str:
    """What a CMS that strips styles keeps of the HTML (a converter that ignores CSS sees the same)."""
    return re.sub(r' style="[^"]*"', "", re.sub(r"(?s)<style>.*?</style>", "", html))


@pytest.mark.parametrize("fragment", [True, False])
def test_contents_are_numbered_once_without_any_stylesheet(fragment):
    """No <ol> or <ul> in the contents: a plain page would draw its own "1." or bullet before the
    typed number ("1. 1. Überblick"). A list still for screen readers, by role."""
    html = without_styles(writer.render(sample(), fragment=fragment))
    tags = parse(html)
    in_nav = [(tag, attrs) for tag, attrs, parents in tags.starts if "nav" in parents]
    assert not {tag for tag, _ in in_nav} & {"ol", "ul", "li", "menu", "dl"}
    assert [attrs.get("role") for tag, attrs in in_nav if tag == "div"] == ["list", "listitem", "listitem", "list", "listitem"]
    nav = html[html.index("<nav"):html.index("</nav>")]
    entries = [re.sub(r"<[^>]+>", "", a) for a in re.findall(r'<a href="#pe-[^"]+">(.*?)</a>', nav)]
    assert entries == ["1. Überblick", "2. Analyse", "2.1 Matomo (selbst gehostet)"]


@pytest.mark.slow
def test_a_converter_that_ignores_css_numbers_the_contents_once(tmp_path):
    """LibreOffice reads our HTML without the stylesheet (as the walk-through's PDF showed):
    the contents read "1. Überblick", "2.1 Matomo", not "1. 1. Überblick"."""
    import subprocess

    from tools import tool

    (tmp_path / "page.html").write_text(writer.render(sample()), encoding="utf-8")
    (tmp_path / "fragment.html").write_text(without_styles(writer.render(sample(), fragment=True)), encoding="utf-8")
    subprocess.run([tool("soffice"), f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "page.html"),
                    str(tmp_path / "fragment.html")], check=True, capture_output=True, timeout=180)
    for name in ("page", "fragment"):
        text = subprocess.run([tool("pdftotext"), str(tmp_path / f"{name}.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        contents = text[text.index("Inhalt"):].splitlines()[1:4]
        assert [line.strip() for line in contents if line.strip()] == ["1. Überblick", "2. Analyse", "2.1 Matomo (selbst gehostet)"]


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
