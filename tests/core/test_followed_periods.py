"""A period option follows the period another selected service states for the same data: the
"Server log files" section says STRATO's 7 days unless the user set a period of their own."""
import msgspec
import pytest

from editor.core import project as project_io
from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.options import followed_periods, option_values
from editor.core.project import SelectedService, example_project
from editor.core.review import review_notes
from editor.core.schema import Period

LOG_PERIOD = {"de": "Wir löschen die Logdateien nach {} Tagen.", "en": "We delete the log files after {} days."}


def _project(*services: SelectedService):
    project = example_project()
    project.services = list(services)
    return project


def _log_text(catalog, project, lang):
    section = next(s for s in compose(catalog, project, lang).walk() if s.id == "service-server-logs")
    return " ".join(r.text for b in section.blocks for r in iter_runs(b))


def _conflicts(catalog, project):
    return [f for f in checks(catalog, project, lang="en") if f.code == "retention-conflict"]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("hoster", ["strato", "jimdo"])
def test_the_log_section_states_the_hosters_period_and_nothing_is_warned(catalog, lang, hoster):
    project = _project(SelectedService(id=hoster), SelectedService(id="server-logs"))
    assert LOG_PERIOD[lang].format(7) in _log_text(catalog, project, lang)
    assert _conflicts(catalog, project) == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_without_such_a_hoster_the_record_default_stays(catalog, lang):
    project = _project(SelectedService(id="ionos"), SelectedService(id="server-logs"))
    assert LOG_PERIOD[lang].format(14) in _log_text(catalog, project, lang)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_period_the_user_set_wins_and_a_different_one_is_still_warned(catalog, lang):
    for days in (30, 14):
        project = _project(SelectedService(id="strato"), SelectedService(id="server-logs", options={"retention_days": days}))
        assert LOG_PERIOD[lang].format(days) in _log_text(catalog, project, lang)
        (finding,) = _conflicts(catalog, project)
        assert finding.target == "service:server-logs" and f"{days} days" in finding.message
    project = _project(SelectedService(id="strato"), SelectedService(id="server-logs", options={"retention_days": 7}))
    assert _conflicts(catalog, project) == []


def test_two_different_stated_periods_keep_the_record_default_and_the_warning(catalog):
    logs, strato = catalog.services["server-logs"], catalog.services["strato"]
    other = msgspec.structs.replace(strato, id="other-hoster", periods=[Period(data="server_logs", days=30)])
    assert followed_periods(logs, [logs, strato, other]) == {}
    assert option_values(logs, {}, [logs, strato, other])["retention_days"] == 14
    same = msgspec.structs.replace(strato, id="same-hoster")
    followed = followed_periods(logs, [logs, strato, same])["retention_days"]
    assert followed.days == 7 and [s.id for s in followed.services] == ["strato", "same-hoster"]


def test_a_value_of_the_wrong_type_falls_back_to_the_followed_default(catalog):
    logs, strato = catalog.services["server-logs"], catalog.services["strato"]
    assert option_values(logs, {"retention_days": "lots"}, [logs, strato])["retention_days"] == 7
    assert option_values(logs, {"retention_days": 500}, [logs, strato])["retention_days"] == 90  # clamped as before


def test_the_project_file_keeps_only_what_the_user_set_so_a_new_hoster_is_followed(catalog, tmp_path):
    path = tmp_path / "policy.json"
    project_io.save(_project(SelectedService(id="strato"), SelectedService(id="server-logs")), path)
    assert '"retention_days"' not in path.read_text(encoding="utf-8")
    loaded = project_io.load(path)
    assert loaded.selected("server-logs").options == {}
    assert LOG_PERIOD["de"].format(7) in _log_text(catalog, loaded, "de")
    loaded.services[0] = SelectedService(id="ionos")  # the site moves to another hoster
    assert LOG_PERIOD["de"].format(14) in _log_text(catalog, loaded, "de")


def test_the_lawyers_notes_count_the_followed_period_as_the_default(catalog):
    def changed(options):
        project = _project(SelectedService(id="strato"), SelectedService(id="server-logs", options=options))
        notes = review_notes(catalog, project, compose(catalog, project, "en"))
        return next(n for n in notes.services if n.id == "server-logs").changed

    assert changed({}) == ()
    assert changed({"retention_days": 7}) == ()  # the same as what it follows
    assert any("14" in line for line in changed({"retention_days": 14}))


def test_a_stated_period_the_option_cannot_hold_is_not_followed(catalog):
    """review9: a hoster (a user's pack) stating 180 days made the default 180, clamped to the
    option's 90: the text said 90, the form's hint 'Follows …: 180 days', and the periods check
    warned of a conflict the user never chose. Such a period is not followed: the record's default
    and the warning stay, as for two different periods."""
    logs, strato = catalog.services["server-logs"], catalog.services["strato"]
    long = msgspec.structs.replace(strato, id="long-hoster", periods=[Period(data="server_logs", days=180)])
    assert followed_periods(logs, [logs, long]) == {}
    assert option_values(logs, {}, [logs, long])["retention_days"] == 14
