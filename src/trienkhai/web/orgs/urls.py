from django.urls import path

from . import views

app_name = "orgs"
urlpatterns = [
    path("", views.unit_tree, name="tree"),
    path("<int:pk>/", views.unit_detail, name="unit"),
    path("xuat.<str:fmt>", views.registry_export, name="export"),
    path("nhap/", views.registry_import, name="import"),
    path("cho-xac-dinh/", views.unresolved_queue, name="unresolved"),
    path("cho-xac-dinh/<int:pk>/", views.resolve_body, name="resolve"),
]
