from django.urls import path

from trustline.audit import views

urlpatterns = [path("audit/", views.trail_view, name="audit")]
