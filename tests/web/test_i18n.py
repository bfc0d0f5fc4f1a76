"""Vietnamese first, English through Django i18n: the catalogue is complete and compiled."""

from __future__ import annotations

import gettext
import json
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

import trienkhai.web

LOCALE = Path(trienkhai.web.__file__).parent / "locale" / "en" / "LC_MESSAGES"


def test_every_message_has_an_english_translation() -> None:
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    entries = [
        e for e in po.split("\n\n") if "\nmsgid " in f"\n{e}" and 'msgid ""\nmsgstr ""' not in e
    ]
    empty = [
        e
        for e in entries
        if re.search(r'^msgstr(\[\d\])? ""$', e, re.M)
        and not re.search(r'^msgstr(\[\d\])? "".*\n"', e, re.M)
    ]
    fuzzy = [e for e in entries if "#, fuzzy" in e]
    assert not empty, f"{len(empty)} untranslated, first: {empty[0][:200]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, first: {fuzzy[0][:200]}"


def _unquote(block: str) -> str:
    return "".join(json.loads(q) for q in re.findall(r'"(?:[^"\\]|\\.)*"', block))


def test_compiled_catalogue_matches_the_source() -> None:
    """django.mo holds every translation of django.po (run `make messages` after editing)."""
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    with (LOCALE / "django.mo").open("rb") as fh:
        catalogue = gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]
    entries = re.findall(
        r'^(?:msgctxt (".*")\n)?msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', po, re.M
    )
    assert len(entries) > 100
    stale = []
    for context, raw_id, raw_str in entries:
        msgid, msgstr = _unquote(raw_id), _unquote(raw_str)
        key = f"{_unquote(context)}\x04{msgid}" if context else msgid
        if msgid and catalogue.get(key) != msgstr:
            stale.append(key)
    assert not stale, f"django.mo is stale for {len(stale)} messages: run `make messages`"


def test_english_catalogue_translates() -> None:
    with translation.override("en"):
        assert translation.gettext("Đăng nhập") == "Log in"
        assert translation.gettext("Cơ quan chờ xác định") == "Bodies to identify"


@pytest.mark.django_db
def test_login_page_in_english(client: Client) -> None:
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert 'lang="en"' in html
    assert "Username" in html and "Password" in html


@pytest.mark.django_db
def test_language_switch_sets_english(client: Client) -> None:
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    assert response.status_code == 302
    assert "Log in" in client.get(reverse("login")).content.decode()
