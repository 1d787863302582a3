"""No lost work: saving fails loudly or not at all, never over someone else's work, never leaving
debris; the atomic-write helper behind it."""
import errno
import json
import os
import signal
import stat
import time

import pytest

from editor.core import atomic
from editor.core import project as P

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX files (FIFO, /dev/full, symlinks, modes)")


def temps(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- characters that cannot be encoded --------------------------------------------------------

def test_lone_surrogate_in_a_file_is_replaced_at_load_and_the_project_saves(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"format": "policy-editor-project", "schema_version": 2, '
                    '"controller": {"name": "A\\ud800B"}, "services": [{"id": "x", "options": {"k\\udfff": "v"}}]}',
                    encoding="utf-8")
    project = P.load(path)
    assert project.controller.name == "A\ufffdB"
    assert list(project.services[0].options) == ["k\ufffd"]
    P.save(project, path)
    assert P.load(path).controller.name == "A\ufffdB"


def test_a_surrogate_that_bypassed_every_check_still_saves(tmp_path):
    project = P.example_project()
    project.controller.city = "K\udc80ln"
    P.save(project, tmp_path / "p.json")
    assert P.load(tmp_path / "p.json").controller.city == "K\ufffdln"


# --- another program changed the file ---------------------------------------------------------

def test_save_refuses_to_overwrite_a_file_changed_on_disk(tmp_path):
    path = tmp_path / "p.json"
    P.save(P.example_project(company="Erste"), path)
    loaded = P.load_file(path)
    other = P.example_project(company="Zweites Fenster")
    P.save(other, path)  # the other instance saves in between
    with pytest.raises(P.FileChangedError, match="changed by another program"):
        P.save(P.example_project(company="Meins"), path, expected=loaded.fingerprint)
    assert P.load(path).controller.name == "Zweites Fenster"
    saved = P.save(P.example_project(company="Meins"), path)  # the user chose "Overwrite"
    assert P.load(path).controller.name == "Meins"
    # the fingerprint from a save is what the next save expects
    P.save(P.example_project(company="Noch mal"), path, expected=saved.fingerprint)


def test_touching_without_changing_content_is_not_a_conflict(tmp_path):
    path = tmp_path / "p.json"
    saved = P.save(P.example_project(), path)
    os.utime(path, (time.time() + 100, time.time() + 100))
    P.save(P.example_project(company="Neu"), path, expected=saved.fingerprint)
    assert P.load(path).controller.name == "Neu"


def test_fingerprint_trusts_unchanged_size_and_time(tmp_path):
    path = tmp_path / "p.json"
    saved = P.save(P.example_project(), path)
    assert atomic.fingerprint(path, saved.fingerprint) is saved.fingerprint
    assert atomic.fingerprint(path) == saved.fingerprint
    assert atomic.fingerprint(tmp_path / "missing") is None


# --- debris and backups ---------------------------------------------------------------------

def test_temp_files_of_a_killed_save_are_removed_by_the_next_save(tmp_path):
    path = tmp_path / "p.json"
    P.save(P.example_project(), path)
    dead_pid = 2**22 + 12345  # above pid_max: no such process
    (tmp_path / f".p.json.{dead_pid}-0badcafe.tmp").write_text("{half")
    old = tmp_path / ".p.json.k3x9_q.tmp"  # mkstemp name of earlier versions, from before this process
    old.write_text("{half")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    (tmp_path / f".p.json.bak.{dead_pid}-00000000.tmp").write_text("{")
    live = tmp_path / f".p.json.{os.getppid()}-feedf00d.tmp"  # a save in flight in a running process
    live.write_text("{")
    P.save(P.example_project(company="Neu"), path)
    assert temps(tmp_path) == [live.name]


def test_failed_backup_is_reported_not_skipped(tmp_path):
    path = tmp_path / "p.json"
    P.save(P.example_project(), path)
    (tmp_path / "p.json.bak").mkdir()  # cannot be replaced by a file
    saved = P.save(P.example_project(company="Neu"), path)
    assert P.load(path).controller.name == "Neu"
    assert len(saved.warnings) == 1 and "backup" in saved.warnings[0] and "p.json.bak" in saved.warnings[0]


def test_full_disk_is_one_sentence_and_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    P.save(P.example_project(company="Alt"), path)
    before = path.read_bytes()
    written = []

    def full(fd, data):
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(os.write(fd, bytes(data[: len(data) // 2])))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", full)
    with pytest.raises(P.SaveError) as info:
        P.save(P.example_project(company="Neu"), path)
    message = str(info.value)
    assert message == "p.json could not be saved because the disk is full. The file on disk was not changed."
    assert isinstance(info.value, OSError)  # callers catching file errors still catch it
    assert path.read_bytes() == before
    assert temps(tmp_path) == []


def test_missing_folder_is_a_save_error(tmp_path):
    with pytest.raises(P.SaveError, match="the folder does not exist"):
        P.save(P.example_project(), tmp_path / "nope" / "p.json")


# --- symlinks, read-only files, things that are not files -----------------------------------

@posix_only
def test_a_symlinked_project_stays_a_symlink(tmp_path):
    real_dir, link_dir = tmp_path / "real", tmp_path / "links"
    real_dir.mkdir()
    link_dir.mkdir()
    target = real_dir / "shop.policy.json"
    P.save(P.example_project(company="Alt"), target)
    link = link_dir / "shop.policy.json"
    link.symlink_to(target)
    saved = P.save(P.example_project(company="Neu"), link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert saved.path == target
    assert P.load(target).controller.name == "Neu"
    assert P.load(real_dir / "shop.policy.json.bak").controller.name == "Alt"  # next to the real file
    assert temps(real_dir) == [] and sorted(p.name for p in link_dir.iterdir()) == ["shop.policy.json"]


@posix_only
def test_a_read_only_file_is_not_overwritten_without_asking(tmp_path):
    path = tmp_path / "p.json"
    P.save(P.example_project(company="Alt"), path)
    path.chmod(0o444)
    with pytest.raises(P.ReadOnlyFileError, match="read-only"):
        P.save(P.example_project(company="Neu"), path)
    assert P.load(path).controller.name == "Alt"
    P.save(P.example_project(company="Neu"), path, replace_readonly=True)  # the user said yes
    assert P.load(path).controller.name == "Neu"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_targets_that_are_not_files_end_in_one_sentence_without_hanging(tmp_path, kind):
    if kind == "fifo":
        target = tmp_path / "pipe.json"
        os.mkfifo(target)
    elif kind == "device":
        target = tmp_path / "full.json"
        target.symlink_to("/dev/full")
    else:
        target = tmp_path / "dir.json"
        target.mkdir()
    signal.alarm(10)  # a blocking open() on the FIFO would hang here
    try:
        with pytest.raises(P.SaveError) as info:
            P.save(P.example_project(), target)
        assert "cannot be saved" in str(info.value) and "not a file" in str(info.value)
        with pytest.raises(P.ProjectError) as info:
            P.load(target)
        assert "not a file" in str(info.value)
    finally:
        signal.alarm(0)
    assert temps(tmp_path) == []


@posix_only
def test_dev_full_itself(tmp_path):
    with pytest.raises(P.SaveError, match="a device, not a file"):
        P.save(P.example_project(), "/dev/full")


def test_write_atomic_keeps_mode_of_existing_file_and_returns_target(tmp_path):
    path = tmp_path / "x.bin"
    atomic.write_atomic(path, b"1")
    path.chmod(0o640)
    assert atomic.write_atomic(path, b"22") == path.resolve()
    assert path.read_bytes() == b"22" and stat.S_IMODE(path.stat().st_mode) == 0o640
    assert json.loads(b"22") == 22 and temps(tmp_path) == []
