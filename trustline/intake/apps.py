from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "trustline.intake"
    label = "intake"
    verbose_name = "Reporting line"

    def ready(self) -> None:
        from trustline.intake import checks  # noqa: F401
