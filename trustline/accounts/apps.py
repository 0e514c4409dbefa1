from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    name = "trustline.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"

    def ready(self) -> None:
        from trustline.accounts import signals  # noqa: F401


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin under a site that admits only two-factor-verified staff."""

    default = False

    default_site = "trustline.accounts.admin_site.StaffAdminSite"
