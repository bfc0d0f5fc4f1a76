"""The user's own API keys: create one (shown once), see when each was last used, revoke."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

MAX_TOKENS = 20


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Tên khóa"),
        max_length=100,
        help_text=gettext_lazy("Ví dụ: hệ thống quản lý văn bản của Sở"),
    )


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    from trienkhai.web.accounts.models import ApiToken

    mine = ApiToken.objects.filter(user=request.user).order_by("-created_at")
    form = TokenForm(request.POST or None)
    raw = None
    if request.method == "POST" and form.is_valid():
        if mine.filter(revoked_at__isnull=True).count() >= MAX_TOKENS:
            form.add_error(None, _("Bạn đã có quá nhiều khóa đang dùng; hãy thu hồi bớt."))
        else:
            _token, raw = ApiToken.issue(request.user, form.cleaned_data["name"])
            form = TokenForm()
    return render(request, "api/tokens.html", {"tokens": mine, "form": form, "raw": raw})


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    from trienkhai.web.accounts.models import ApiToken

    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if token.revoked_at is None:
        ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
        messages.success(request, _("Đã thu hồi khóa “%s”.") % token.name)
    return redirect("api-tokens")
