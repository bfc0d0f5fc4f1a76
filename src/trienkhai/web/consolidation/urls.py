from django.urls import path

from . import views

app_name = "consolidation"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/cap-nhat/", views.rebuild, name="rebuild"),
    path("<int:pk>/tai-ve.<str:fmt>", views.export, name="export"),
]
