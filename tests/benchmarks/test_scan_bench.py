"""Site scan and policy import benchmarks (pytest-benchmark; run with --benchmark-only -s).
Bars from the issue: a saved site of 20 pages and a 5 MB HAR scanned in ≤ 1 s each; a
20-page policy imported in ≤ 1 s. Inputs are built from the fixture sites, padded to a
realistic size (a CMS page is 50–150 KB of markup and inline script)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.core.policy_import import import_policy
from editor.core.scan import scan

FIXTURES = Path(__file__).parent.parent / "fixtures" / "scan"
FILLER = ('<div class="product-card"><img src="/wp-content/uploads/2024/05/bild-{n}.webp" srcset="/wp-content/uploads/2024/05/'
          'bild-{n}-300x300.webp 300w"><h3>Artikel {n}</h3><p>Frisch geröstet, fein gemahlen, sorgfältig verpackt.</p>'
          '<a href="/produkt/artikel-{n}/">Ansehen</a><script>window.wcProducts=window.wcProducts||[];'
          'window.wcProducts.push({{"id":{n},"price":"14.90"}});</script></div>\n')


@pytest.fixture(scope="module")
def site_20(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site20")
    sources = [FIXTURES / "shop" / "index.html", FIXTURES / "praxis.html", FIXTURES / "agency" / "index.html"]
    for n in range(20):
        page = sources[n % 3].read_text(encoding="utf-8")
        body = "".join(FILLER.format(n=n * 1000 + k) for k in range(250))  # ~100 KB per page
        (folder / f"seite-{n:02d}.html").write_text(page.replace("</body>", body + "</body>"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def har_5mb(tmp_path_factory):
    har = json.loads((FIXTURES / "agency.har").read_text(encoding="utf-8"))
    template = har["log"]["entries"]
    script = "function f{n}(a){{return a.map(function(x){{return x*{n}}}).filter(Boolean)}};\n"
    entries, n = [], 0
    while sum(len(json.dumps(e)) for e in entries[-50:]) * (len(entries) / 50 if entries else 0) < 5_000_000 and n < 5000:
        entry = json.loads(json.dumps(template[n % len(template)]))
        entry["request"]["url"] += ("&" if "?" in entry["request"]["url"] else "?") + f"r={n}"
        if entry["response"]["content"]["mimeType"] == "application/javascript":
            entry["response"]["content"]["text"] = "".join(script.format(n=k) for k in range(300))
        entries.append(entry)
        n += 1
    har["log"]["entries"] = entries
    path = tmp_path_factory.mktemp("har") / "big.har"
    path.write_text(json.dumps(har), encoding="utf-8")
    size = path.stat().st_size
    assert 4_500_000 < size < 7_000_000, size
    return path


@pytest.fixture(scope="module")
def policy_20_pages(tmp_path_factory):
    paragraph = ("Wir setzen auf unserer Website Dienste verschiedener Anbieter ein, etwa Google Analytics, Stripe, "
                 "Mailchimp und Cloudflare. Die Rechtsgrundlage ist Art. 6 Abs. 1 lit. a DSGVO. Sie können Ihre "
                 "Einwilligung jederzeit widerrufen. Weitere Informationen finden Sie in der Datenschutzerklärung des "
                 "jeweiligen Anbieters. ")
    text = "Datenschutzerklärung\nVerantwortlich: Beispiel GmbH, Hauptstraße 1, 10115 Berlin\nStand: 1. März 2024\n"
    text += "\n".join(f"{n}. Abschnitt\n" + paragraph * 6 for n in range(60))  # ~20 pages of 3,000 characters
    path = tmp_path_factory.mktemp("policy") / "policy.txt"
    path.write_text(text, encoding="utf-8")
    assert len(text) > 55_000
    return path


def test_scan_saved_site_20_pages(benchmark, report, catalog, site_20):
    result = benchmark.pedantic(scan, args=(catalog, [site_20]), rounds=7, iterations=1, warmup_rounds=1)
    assert result.pages == 20 and result.suggestions
    report("scan: saved site, 20 pages of ~100 KB", 1000)


def test_scan_har_5mb(benchmark, report, catalog, har_5mb):
    result = benchmark.pedantic(scan, args=(catalog, [har_5mb]), rounds=7, iterations=1, warmup_rounds=1)
    assert "google-analytics" in {s.id for s in result.suggestions}
    report("scan: 5 MB HAR file", 1000)


def test_import_policy_20_pages(benchmark, report, catalog, policy_20_pages):
    result = benchmark.pedantic(import_policy, args=(catalog, policy_20_pages), rounds=7, iterations=1, warmup_rounds=1)
    assert {"google-analytics", "stripe", "mailchimp", "cloudflare"} <= {s.id for s in result.suggestions}
    report("import: 20-page policy (text)", 1000)
