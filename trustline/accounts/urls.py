from django.urls import path

from trustline.accounts import views

urlpatterns = [
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("account/two-factor/", views.enroll, name="enroll"),
    path("account/confirm/", views.confirm, name="reauth"),
    path("account/password/", views.password_change, name="password_change"),
]
