from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "trustline.retention"
    label = "retention"
    verbose_name = "Retention"

    def ready(self) -> None:
        from trustline.retention import checks  # noqa: F401 - registers the system checks
