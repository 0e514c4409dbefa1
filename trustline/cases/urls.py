from django.urls import path

from trustline.cases import views

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("reports/<int:report_id>/", views.case_page, name="case"),
    path("reports/<int:report_id>/status/", views.transition, name="transition"),
    path("reports/<int:report_id>/assign/", views.assign, name="assign"),
    path("reports/<int:report_id>/messages/", views.reply, name="reply"),
    path("reports/<int:report_id>/notes/", views.add_note, name="note"),
]
