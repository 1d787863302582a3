"""The command line on files that cannot be written: one sentence on stderr, exit status 1."""
import os

import pytest

from editor.cli import main
from editor.core import project as P

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX files")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@posix_only
@pytest.mark.parametrize("target", ["/dev/full", "FIFO", "READONLY", "NOFOLDER"])
def test_new_on_unwritable_targets_is_one_sentence(capsys, tmp_path, target):
    if target == "FIFO":
        target = str(tmp_path / "pipe.json")
        os.mkfifo(target)
    elif target == "READONLY":
        path = tmp_path / "ro.json"
        P.save(P.example_project(), path)
        path.chmod(0o444)
        target = str(path)
    elif target == "NOFOLDER":
        target = str(tmp_path / "missing" / "p.json")
    code, out, err = run(capsys, "new", "-o", target, "--force")
    assert code == 1 and out == ""
    assert err.startswith("policy-editor: ") and err.count("\n") == 1 and "Traceback" not in err


def test_export_record_refuses_to_overwrite_a_file_changed_meanwhile(capsys, tmp_path, monkeypatch):
    from editor.core import compose as compose_module

    project = tmp_path / "p.policy.json"
    P.save(P.example_project(company="Alt"), project)
    real = compose_module.compose

    def compose_while_someone_edits(*args, **kwargs):
        P.save(P.example_project(company="Jemand anderes"), project)
        return real(*args, **kwargs)

    monkeypatch.setattr(compose_module, "compose", compose_while_someone_edits)
    code, _, err = run(capsys, "export", str(project), "-o", str(tmp_path / "x.html"), "--record")
    assert code == 1 and "changed by another program" in err
    assert P.load(project).controller.name == "Jemand anderes" and P.load(project).export_history == []
