"""The front door: send people to their work, or to the login page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Officers start from the plan list; it shows what their units follow."""
    return redirect("plans:list")
