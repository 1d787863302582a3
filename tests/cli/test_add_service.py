"""policy-editor add-service: an agency describes a service the catalog lacks, from a script."""
import json

from editor.cli import main
from editor.core import project as P


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


ACME = ["--name", "Acme CRM", "--entity", "Acme Inc.", "--address", "1 Main St, Boston, MA 02110", "--country", "US",
        "--role", "processor", "--category", "crm", "--purpose", "Kundenverwaltung", "--basis", "contract",
        "--purpose", "Auswertung der Nutzung", "--basis", "legitimate_interest", "--interest", "Besserer Service",
        "--safeguard", "scc", "--privacy-url", "https://acme.example/privacy", "--retention", "Bis Vertragsende",
        "--data", "Name", "--data", "E-Mail-Adresse"]


def new_project(capsys, tmp_path, languages=("de",)):
    path = tmp_path / "p.policy.json"
    assert run(capsys, "new", "-o", path, "--example")[0] == 0
    data = json.loads(path.read_text("utf-8"))
    data["languages"] = list(languages)
    data["x-client-id"] = "ACME-7"  # an agency's own key, added by hand
    data["controller"]["x-crm-ref"] = 42
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_add_service_then_export_names_the_provider_everywhere(capsys, tmp_path):
    path = new_project(capsys, tmp_path)
    code, out, err = run(capsys, "add-service", path, *ACME)
    assert code == 0 and "own-acme-crm" in out, err
    data = json.loads(path.read_text("utf-8"))
    assert data["x-client-id"] == "ACME-7" and data["controller"]["x-crm-ref"] == 42  # unknown keys survive
    assert [s["id"] for s in data["services"]] == ["own-acme-crm"]
    record = data["own_services"][0]
    assert record["provider"]["entity"] == "Acme Inc." and record["purposes"][1]["interest"]["de"] == "Besserer Service"
    assert run(capsys, "check", path)[0] == 0  # complete, with its safeguard: no error
    out_md = tmp_path / "p.md"
    code, _, err = run(capsys, "export", path, "-o", out_md)
    assert code == 0, err
    text = out_md.read_text("utf-8")
    own_section = text[text.index("Acme CRM\n"):]
    # a processor: its entity with its country (controllers also with their address)
    assert "Acme Inc. (USA)" in own_section and "Kundenverwaltung" in own_section
    # the third-country table: its recipient, the safeguard and the service that sends it data
    (row,) = [line for line in text.splitlines() if line.startswith("|") and line.rstrip().endswith("| Acme CRM |")]
    assert "Standardvertragsklauseln" in row and "USA" in row


def test_second_us_processor_without_safeguard_makes_check_fail_naming_it(capsys, tmp_path):
    path = new_project(capsys, tmp_path)
    run(capsys, "add-service", path, *ACME)
    code, _, err = run(capsys, "add-service", path, "--name", "Beta Mail", "--entity", "Beta LLC", "--address", "Austin, TX",
                       "--country", "US", "--role", "processor", "--category", "crm", "--purpose", "Newsletter",
                       "--basis", "consent", "--privacy-url", "https://beta.example/privacy", "--data", "E-Mail",
                       "--retention", "Bis zum Widerruf")
    assert code == 0 and "safeguard" in err
    code, out, _ = run(capsys, "check", path)
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and "Beta Mail" in errors[0] and "USA" in errors[0]


def test_missing_language_is_reported_not_refused(capsys, tmp_path):
    path = new_project(capsys, tmp_path, languages=("de", "en"))
    assert run(capsys, "add-service", path, *ACME)[0] == 0
    code, out, _ = run(capsys, "check", path, "--language", "en", "--json")
    found = [f for f in json.loads(out) if f["code"] == "own-language"]
    assert found and all(f["severity"] == "warning" and "English" in f["message"] for f in found)


def test_invalid_input_is_one_sentence_and_leaves_the_file_untouched(capsys, tmp_path):
    path = new_project(capsys, tmp_path)
    before = path.read_bytes()
    bad = [
        ["--name", "X", "--role", "processor", "--category", "nope", "--purpose", "p", "--basis", "contract"],
        ["--name", "X", "--role", "processor", "--category", "crm", "--purpose", "p", "--purpose", "q", "--basis", "contract"],
        ["--name", "X", "--role", "processor", "--category", "crm", "--purpose", "p", "--basis", "legitimate_interest",
         "--entity", "E", "--address", "A", "--country", "DE", "--privacy-url", "https://e.example"],
        ["--name", "X", "--role", "processor", "--category", "crm", "--purpose", "p", "--basis", "contract"],
        ["--name", "X", "--role", "processor", "--category", "crm", "--purpose", "p", "--basis", "contract",
         "--entity", "E", "--address", "A", "--country", "USA", "--privacy-url", "https://e.example"],
        ["--name", "X", "--role", "processor", "--category", "crm", "--purpose", "p", "--basis", "contract",
         "--entity", "E", "--address", "A", "--country", "DE", "--privacy-url", "http://e.example"],
    ]
    for args in bad:
        code, out, err = run(capsys, "add-service", path, *args)
        assert code == 1 and err.count("\n") == 1 and err.startswith("policy-editor: "), (args, err)
        assert path.read_bytes() == before


def test_export_refuses_a_service_no_pack_knows(capsys, tmp_path):
    path = new_project(capsys, tmp_path)
    data = json.loads(path.read_text("utf-8"))
    data["services"] = [{"id": "gone-service", "options": {}}]
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "export", path, "-o", tmp_path / "out.html")
    assert code == 1 and "“gone-service”" in err and err.count("\n") == 1
    assert not (tmp_path / "out.html").exists()
    code, out, _ = run(capsys, "check", path)
    assert code == 1 and any(line.startswith("error") and "gone-service" in line for line in out.splitlines())
    assert P.load(path).services[0].id == "gone-service"  # kept in the file


def test_export_names_the_pack_a_missing_service_came_from(capsys, tmp_path):
    path = tmp_path / "p.policy.json"
    assert run(capsys, "new", "-o", path, "--example", "--service", "stripe")[0] == 0
    data = json.loads(path.read_text("utf-8"))
    pack = data["services"][0]["pack"]
    assert pack  # recorded when selected
    data["services"][0]["id"] = "stripe-old"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "export", path, "-o", tmp_path / "out.md")
    assert code == 1 and f"“stripe-old” ({pack})" in err


def test_an_own_service_may_rest_on_explicit_consent_and_says_so(capsys, tmp_path):
    """A practice's own tool for health data: Art. 9(2)(a) with Art. 6(1)(a), and the withdrawal section."""
    path = new_project(capsys, tmp_path)
    code, out, err = run(capsys, "add-service", path, "--name", "Befundportal", "--role", "self_hosted",
                         "--category", "practice", "--purpose", "Bereitstellung Ihrer Befunde", "--basis", "explicit_consent",
                         "--data", "Befunde", "--retention", "10 Jahre nach der letzten Behandlung")
    assert code == 0, err
    assert json.loads(path.read_text("utf-8"))["own_services"][0]["purposes"][0]["basis"] == "explicit_consent"
    out_md = tmp_path / "p.md"
    assert run(capsys, "export", path, "-o", out_md)[0] == 0
    text = out_md.read_text("utf-8")
    section = text[text.index("Befundportal\n"):]
    assert "Art. 9 Abs. 2 lit. a" in section.split("\n## ")[0]
    assert "Widerruf" in text
