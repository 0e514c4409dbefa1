from django.urls import path

from trustline.disclosures import views

urlpatterns = [
    path("desk/", views.queue, name="desk"),
    path("desk/new/", views.log, name="desk_log"),
    path("desk/<int:request_id>/", views.request_page, name="desk_request"),
    path("desk/<int:request_id>/carry-out/", views.carry_out, name="desk_carry_out"),
    path("desk/<int:request_id>/escalate/", views.escalate, name="desk_escalate"),
    path("desk/<int:request_id>/judicial/", views.judicial, name="desk_judicial"),
    path("desk/<int:request_id>/verify/", views.verify, name="desk_verify"),
    path("desk/<int:request_id>/release/", views.release, name="desk_release"),
    path("desk/tasks/<int:task_id>/done/", views.task_done, name="desk_task_done"),
]
