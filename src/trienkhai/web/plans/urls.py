from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("tai-len/", views.upload, name="upload"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/phien-ban/", views.versions, name="versions"),
    path("<int:pk>/so-do/", views.document_graph, name="graph"),
    path("<int:pk>/chuoi-trien-khai/", views.cascade, name="cascade"),
    path("van-ban/chuoi-trien-khai/", views.cascade_ref, name="cascade_ref"),
    path("<int:parent_pk>/so-sanh/<int:child_pk>/", views.compare, name="compare"),
    path("phien-ban/<int:pk>/", views.version_detail, name="version"),
    path("phien-ban/<int:pk>/cong-bo/", views.publish_version, name="publish"),
    path("phien-ban/<int:pk>/sua/", views.revise_version, name="revise"),
    path("phien-ban/<int:version_pk>/nhiem-vu/<int:pk>/", views.edit_task, name="edit_task"),
    path("phien-ban/<int:version_pk>/nhiem-vu/them/", views.add_task, name="add_task"),
    path(
        "phien-ban/<int:version_pk>/nhiem-vu/<int:pk>/xoa/", views.delete_task, name="delete_task"
    ),
    path("phien-ban/<int:version_pk>/chi-tieu/<int:pk>/", views.edit_target, name="edit_target"),
    path("phien-ban/<int:version_pk>/bao-cao/<int:pk>/", views.edit_duty, name="edit_duty"),
    path("nhiem-vu/", views.my_inbox, name="inbox"),
    path("nhiem-vu/don-vi/<int:unit_pk>/", views.unit_inbox, name="unit_inbox"),
]
