"""Login and logout through the real views, including the throttle's lockout message."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "mật-khẩu-đủ-dài-2025"


@pytest.fixture
def officer():
    return get_user_model().objects.create_user("canbo", password=PASSWORD)


def _login(client: Client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_page_is_vietnamese(client: Client) -> None:
    page = client.get(reverse("login"))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'lang="vi"' in html
    assert "Tên đăng nhập" in html and "Mật khẩu" in html


def test_good_password_logs_in_and_logout_needs_post(client: Client, officer) -> None:
    response = _login(client, "canbo", PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("home")).status_code == 302  # back to the login page


def test_wrong_password_says_so(client: Client, officer) -> None:
    page = _login(client, "canbo", "sai")
    assert page.status_code == 200
    assert "không đúng" in page.content.decode()


def test_too_many_failures_lock_out_even_the_right_password(
    client: Client, officer, settings
) -> None:
    settings.LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        _login(client, "canbo", "sai")
    page = _login(client, "canbo", PASSWORD)
    assert page.status_code == 200
    assert "tạm khóa" in page.content.decode()
    assert "_auth_user_id" not in client.session


def test_home_requires_login(client: Client) -> None:
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
