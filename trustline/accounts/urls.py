from django.urls import path

from trustline.accounts import staff_keys_views, views

urlpatterns = [
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("account/two-factor/", views.enroll, name="enroll"),
    path("account/confirm/", views.confirm, name="reauth"),
    path("account/password/", views.password_change, name="password_change"),
    path("keys/", staff_keys_views.staff_keys, name="staff_keys"),
    path("keys/<int:user_id>/restore/", staff_keys_views.restore, name="restore_access"),
]
