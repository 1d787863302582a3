"""`policy-editor screenshot` shows a chosen state: a highlighted service, a tab, a size."""
import pytest

from editor.cli import main
from editor.gui.screenshot import TABS, show_state


def test_select_highlights_a_service_without_ticking_it(project_window, catalog):
    w = project_window
    before = w.model.project.service_ids()
    sid = next(s.id for s in sorted(catalog.services.values(), key=lambda s: s.id)
               if s.options and s.id not in before)
    show_state(w, select=sid)
    assert w.checklist.current_service() == sid
    assert w.tabs.currentIndex() == TABS.index("service")
    assert w.options_form.title.text() == catalog.services[sid].name("en")
    assert w.options_form.widgets  # its options show
    assert w.model.project.service_ids() == before  # nothing ticked
    assert not w.isWindowModified()


@pytest.mark.parametrize("tab", TABS)
def test_tab_is_brought_to_front(project_window, tab):
    show_state(project_window, tab=tab)
    assert project_window.tabs.currentIndex() == TABS.index(tab)


def test_unknown_service_is_refused(project_window):
    with pytest.raises(ValueError):
        show_state(project_window, select="no-such-service")


def test_cli_renders_the_chosen_state_at_the_chosen_size(example_file, tmp_path, capsys):
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    assert main(["screenshot", str(example_file), "-o", str(out), "--select", "google-analytics",
                 "--tab", "service", "--size", "1024x700"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)


@pytest.mark.parametrize("args, status", [
    (["--select", "no-such-service"], 1),
    (["--tab", "nowhere"], 2),
    (["--size", "12x"], 1),
    (["--size", "10x10"], 1),
])
def test_cli_bad_values_give_one_line(example_file, tmp_path, capsys, args, status):
    out = tmp_path / "shot.png"
    try:
        code = main(["screenshot", str(example_file), "-o", str(out), *args])
    except SystemExit as exc:  # argparse's own refusal
        code = exc.code
    assert code == status
    err = capsys.readouterr().err.strip()
    assert err.startswith("policy-editor: ") and "\n" not in err and "Traceback" not in err
    assert not out.exists()


def test_a_screenshot_failing_halfway_leaves_the_old_picture(tmp_path, qtbot):
    """The picture goes through the one atomic write: a full disk keeps the old file whole."""
    import errno
    import os

    from PySide6.QtGui import QPixmap

    import editor.core.atomic as atomic
    from editor.core.atomic import temp_files
    from editor.gui.screenshot import write_png

    out = tmp_path / "shot.png"
    out.write_bytes(b"the old picture")

    def half_then_full(fd, data):
        os.write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    pixmap = QPixmap(40, 30)
    with pytest.MonkeyPatch.context() as patch, pytest.raises(OSError, match="No space left"):
        patch.setattr(atomic, "_write_all", half_then_full)
        write_png(pixmap, str(out))
    assert out.read_bytes() == b"the old picture" and temp_files(out) == []
    write_png(pixmap, str(out))
    assert out.read_bytes().startswith(b"\x89PNG")
