from django.urls import path

from trustline.vault import views

urlpatterns = [
    path("keys/", views.staff_keys, name="staff_keys"),
    path("keys/<int:user_id>/restore/", views.restore, name="restore_access"),
]
