"""Settings: every environment variable is documented; strict helpers refuse bad values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from trienkhai.web import settings as project_settings

ROOT = Path(__file__).resolve().parents[2]


def test_every_variable_read_is_documented() -> None:
    source = (ROOT / "src/trienkhai/web/settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z0-9_]+)"', source))
    names |= set(re.findall(r'os\.environ\.get\(\s*"([A-Z0-9_]+)"', source))
    documented = (ROOT / "docs/configuration.md").read_text(encoding="utf-8")
    missing = sorted(n for n in names if f"`{n}`" not in documented)
    assert names and not missing, missing


@pytest.mark.parametrize("raw", ["maybe", "2", "có"])
def test_bad_boolean_is_refused(monkeypatch, raw: str) -> None:
    monkeypatch.setenv("X_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        project_settings.env_bool("X_FLAG", False)


def test_integers_are_checked(monkeypatch) -> None:
    monkeypatch.setenv("X_N", "mười")
    with pytest.raises(ImproperlyConfigured, match="X_N"):
        project_settings.env_int("X_N", 1)
    monkeypatch.setenv("X_N", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        project_settings.env_int("X_N", 1, minimum=1)
    monkeypatch.setenv("X_N", "7")
    assert project_settings.env_int("X_N", 1) == 7


def test_lists_and_defaults(monkeypatch) -> None:
    monkeypatch.setenv("X_LIST", " a, ,b ")
    assert project_settings.env_list("X_LIST", []) == ["a", "b"]
    monkeypatch.delenv("X_LIST")
    assert project_settings.env_list("X_LIST", ["z"]) == ["z"]
    assert project_settings.env_bool("X_UNSET_FLAG", True) is True
