from django.urls import path

from trustline.cases import quarantine_views, taken_views, views, withholding_views

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("reports/new/", taken_views.take_report, name="take_report"),
    path("reports/<int:report_id>/", views.case_page, name="case"),
    path("reports/<int:report_id>/status/", views.transition, name="transition"),
    path("reports/<int:report_id>/assign/", views.assign, name="assign"),
    path("reports/<int:report_id>/messages/", views.reply, name="reply"),
    path("reports/<int:report_id>/notes/", views.add_note, name="note"),
    path("reports/<int:report_id>/interpreter/", views.interpreter, name="interpreter"),
    path("quarantine/", quarantine_views.queue, name="quarantine"),
    path("quarantine/<int:quarantined_id>/", quarantine_views.report, name="quarantined"),
    path(
        "quarantine/<int:quarantined_id>/release/",
        quarantine_views.release,
        name="quarantine_release",
    ),
    path("reports/<int:report_id>/contact/", views.reveal_contact, name="reveal_contact"),
    path("reports/<int:report_id>/withhold/", views.withhold_narrative, name="withhold_narrative"),
    path(
        "reports/<int:report_id>/messages/<int:message_id>/withhold/",
        views.withhold_message,
        name="withhold_message",
    ),
    path(
        "reports/<int:report_id>/notes/<int:note_id>/withhold/",
        views.withhold_note,
        name="withhold_note",
    ),
    path("withheld/", withholding_views.by_month, name="withholdings"),
]
