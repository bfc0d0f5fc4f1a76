"""URLs of the reporting cycle (mounted under /bao-cao/)."""

from __future__ import annotations

from django.urls import path

from . import calendar, views

app_name = "reporting"

urlpatterns = [
    path("", views.obligations, name="obligations"),
    path("nghia-vu/<int:pk>/", views.obligation, name="obligation"),
    path("nghia-vu/<int:pk>/soan/", views.edit, name="edit"),
    path("<int:pk>/trinh/", views.submit, name="submit"),
    path("<int:pk>/duyet/", views.approve, name="approve"),
    path("<int:pk>/tiep-nhan/", views.accept, name="accept"),
    path("<int:pk>/tra-lai/", views.return_report, name="return"),
    path("<int:pk>/minh-chung/", views.upload_evidence, name="upload_evidence"),
    path("<int:pk>/nhap-chi-tieu/", views.import_values, name="import_values"),
    path("minh-chung/<int:pk>/", views.evidence, name="evidence"),
    path("theo-doi/", views.followup_page, name="followup"),
    path("cong-van-don-doc/", views.letter, name="letter"),
    path("lich/", calendar.links, name="calendar_links"),
    path("lich/<slug:code>.ics", calendar.feed, name="calendar"),
]
