"""Kill during autosave, hundreds of times: every autosave that reached the disk is offered for
recovery and loads; killed writes leave no temporary files once recovery has looked."""
import os
import random

import pytest

from killing import Zygote

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL")

RUNS = int(os.environ.get("POLICY_EDITOR_KILL_RUNS", "200"))

SETUP = r'''
import os
from pathlib import Path
from editor.core import project as P
from editor.gui.autosave import Autosave
folder = Path(FOLDER)
sessions = {}
body = P.LocalText(de="x" * 20000, en="y" * 20000)
sections = [P.CustomSection(id=f"s{i}", body=body) for i in range(5)]
def write(n, where=folder):
    autosave = sessions.get(os.getpid()) or sessions.setdefault(os.getpid(), Autosave(where))
    project = P.example_project(company=f"Firma {n}")
    project.custom_sections = sections
    autosave.write(project, "/somewhere/shop.policy.json")
write(0, folder.parent / "warm-up")  # the zygote writes once elsewhere, so the children start warm
sessions.clear()
'''


def test_kill_during_autosave_loses_nothing_and_leaves_nothing(tmp_path):
    from editor.gui.autosave import Autosave

    folder = tmp_path / "autosave"
    folder.mkdir()
    zygote = Zygote(SETUP.replace("FOLDER", repr(str(folder))))
    rng = random.Random(4711)
    written = lost = leftover = with_notes = empty_locks = 0
    try:
        for run in range(1, RUNS + 1):
            zygote.kill_one(run, rng, max_delay=0.012, ready=lambda pid: any(folder.glob(f"{pid}-*.policy.json")))
            on_disk = {p.name.split(".", 1)[0] for p in folder.glob("*.policy.json")}
            written += len(on_disk)
            recovered = set()
            for orphan in Autosave(folder).orphans():
                name = orphan.load().controller.name  # a torn autosave would raise here
                assert name.startswith("Firma ")
                recovered.add(orphan.session)
                with_notes += orphan.original == "/somewhere/shop.policy.json"
                orphan.discard()
            lost += len(on_disk - recovered)
            for lock in folder.glob("*.lock"):  # killed while Qt wrote the lock: swept once it is older
                os.utime(lock, (lock.stat().st_atime - 60, lock.stat().st_mtime - 60))
            empty_locks += len(list(folder.glob("*.lock")))
            Autosave(folder).orphans()
            leftover += len(list(folder.iterdir()))
            for debris in folder.iterdir():  # keep runs independent even if the assertion will fail
                debris.unlink()
    finally:
        zygote.close()
    print(f"\nkill-during-autosave: runs={RUNS} autosaves-on-disk={written} lost={lost} "
          f"offered-with-notes={with_notes} owner-less-locks-swept={empty_locks} leftover-files={leftover}")
    assert lost == 0 and leftover == 0
    assert written == RUNS, "the writer rarely got an autosave to disk; the kills proved little"
