from django.urls import path

from trustline.audit import views

urlpatterns = [
    path("audit/", views.trail_view, name="audit"),
    path("audit/export.csv", views.export_trail, name="audit_export"),
    path("audit/checkpoint/", views.download_checkpoint, name="audit_checkpoint"),
]
