from __future__ import annotations

import pytest

from officer_desk.config import DeskConfig, load_config, save_config
from officer_desk.errors import InputError
from officer_desk.paths import Home


def test_defaults_when_no_file(isolated_home: Home) -> None:
    config = load_config(isolated_home)
    assert config.desk_number == 1 and config.language == "vi"
    assert config.office.periods(5)  # Saturday morning reception


def test_round_trip_through_toml(isolated_home: Home) -> None:
    config = DeskConfig(agency_id="000.00.15.H41", desk_number=3, fees={"1.004873": 5000},
                        aliases={"1.004873.000.00.00.H41": "1.004873"},
                        office_hours={"mon": ("07:00-11:30",)})
    save_config(config, isolated_home)
    loaded = load_config(isolated_home)
    assert loaded == config


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("desk_number = 'một'", "số nguyên"),
        ("fees = { '1.004873' = -5 }", "không âm"),
        ("office_hours = { mon = ['7h-11h'] }", "HH:MM"),
        ("agency_id = ", "config.toml"),
    ],
)
def test_malformed_config_is_a_clear_error(isolated_home: Home, text: str, message: str) -> None:
    isolated_home.ensure()
    isolated_home.config_file.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_config(isolated_home)
