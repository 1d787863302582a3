"""Kill during save, hundreds of times: the project file is always the old or the new valid
JSON, never torn, and killed saves leave no temporary files behind for good."""
import os
import random

import pytest

from editor.core import atomic
from editor.core import project as P
from killing import Zygote

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL")

RUNS = int(os.environ.get("POLICY_EDITOR_KILL_RUNS", "200"))

SETUP = r'''
import sys
from editor.core import project as P
path = sys.argv[2]
body = P.LocalText(de="x" * 20000, en="y" * 20000)  # ~200 KB: a write takes a few ms, room to cut it
sections = [P.CustomSection(id=f"s{i}", body=body) for i in range(5)]
def write(n):
    project = P.example_project(company=f"Firma {n}")
    project.custom_sections = sections
    P.save(project, path)
'''


def test_kill_during_save_never_tears_the_file_or_leaves_temp_files(tmp_path):
    path = tmp_path / "k.policy.json"
    P.save(P.example_project(company="Start"), path)
    zygote = Zygote(SETUP.replace("sys.argv[2]", repr(str(path))))
    rng = random.Random(20260)
    torn = new = most_temps = 0
    names = set()
    def saved_once(pid, before=[None]):
        inode = os.stat(path).st_ino  # every completed save renames a new file into place
        if before[0] is None:
            before[0] = inode
        if inode != before[0]:
            before[0] = None
            return True
        return False

    try:
        for run in range(1, RUNS + 1):
            zygote.kill_one(run, rng, max_delay=0.012, ready=saved_once)
            for candidate in (path, path.with_name(path.name + ".bak")):
                try:
                    name = P.load(candidate).controller.name
                except P.ProjectError:
                    torn += 1
                    continue
                assert name == "Start" or name.startswith("Firma ")
            name = P.load(path).controller.name if not torn else ""
            new += name != "Start" and name not in names
            names.add(name)
            most_temps = max(most_temps, len(atomic.temp_files(path)))
    finally:
        zygote.close()
    P.save(P.example_project(company="Ende"), path)  # the next save clears what killed ones left
    leftover = atomic.temp_files(path)
    print(f"\nkill-during-save: runs={RUNS} torn={torn} new-content-seen={new} "
          f"most-temp-files-at-once={most_temps} leftover-after-next-save={len(leftover)}")
    assert torn == 0
    assert new > RUNS // 2, "the writer rarely finished a save; the kills proved little"
    assert most_temps <= 2  # a killed write's temp (and its backup's) until the next save removes them
    assert leftover == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.policy.json", "k.policy.json.bak"]
