from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import reverse

from trustline.accounts.roles import ADMIN, AUDITOR, CASE_ROLES, RECORDS, Actor, has_role


def home_for(user: Actor) -> str:
    """Where a staff member lands after signing in: the first page their role opens."""
    if has_role(user, *CASE_ROLES):
        return reverse("staff:inbox")
    if has_role(user, RECORDS):
        return reverse("staff:desk")
    if has_role(user, AUDITOR):
        return reverse("staff:audit")
    if has_role(user, ADMIN):
        return reverse("admin:index")
    return reverse("staff:inbox")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return home_for(self.request.user)


login = LoginView.as_view()
logout = auth_views.LogoutView.as_view()
