from django.urls import path

from trustline.retention import views

urlpatterns = [
    path("holds/", views.holds, name="holds"),
    path("holds/place/", views.hold_place, name="hold_place"),
    path("holds/<int:hold_id>/lift/", views.hold_lift, name="hold_lift"),
]
