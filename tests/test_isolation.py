"""The suite runs with every per-user folder redirected (see tests/conftest.py)."""
import os
import subprocess
import sys
from pathlib import Path

CONFTEST = Path(__file__).resolve().parent / "conftest.py"


def test_every_per_user_folder_points_into_the_test_home(test_home, real_user_folders):
    import platformdirs

    from editor.core import cache, packfiles

    home = test_home
    for folder in (platformdirs.user_cache_dir("policy-editor"), platformdirs.user_data_dir("policy-editor"),
                   platformdirs.user_config_dir("policy-editor"), platformdirs.user_state_dir("policy-editor"),
                   cache.cache_dir(), packfiles.user_packs_dir(), Path.home()):
        assert Path(folder).resolve().is_relative_to(home.resolve()), folder
    for real in real_user_folders:
        assert not real.resolve().is_relative_to(home.resolve())


def test_the_guard_reports_a_touched_real_folder(tmp_path):
    """A run that writes into the (here: pretend) real cache folder ends as failed."""
    fake_home = tmp_path / "home"
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "conftest.py").write_text(CONFTEST.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "t" / "test_touch.py").write_text(
        "def test_touch(real_user_folders):\n"
        "    (real_user_folders[0] / 'policy-editor').mkdir(parents=True)\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(fake_home))
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                             str(tmp_path / "t")], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert "touched the real per-user folders" in result.stdout, result.stdout
    assert result.returncode != 0
    assert (fake_home / ".cache" / "policy-editor").is_dir()
