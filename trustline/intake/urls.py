from django.urls import path

from trustline.intake import views

app_name = "public"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("report/", views.report_form, name="report"),
    path("report/receipt/", views.receipt, name="receipt"),
    path("report/receipt/card/", views.receipt_card, name="receipt_card"),
    path("report/sent/", views.sent, name="sent"),
    path("follow-up/", views.follow_up, name="follow_up"),
    path("follow-up/case/", views.thread, name="thread"),
    path("follow-up/case/sent/", views.thread, name="thread_sent"),
    path("follow-up/leave/", views.leave, name="leave"),
    path("interpreters/", views.interpreters, name="interpreters"),
]
