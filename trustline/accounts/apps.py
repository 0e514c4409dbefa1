from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "trustline.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"

    def ready(self) -> None:
        from trustline.accounts import signals  # noqa: F401
