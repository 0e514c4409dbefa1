from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "trustline.intake"
    label = "intake"
    verbose_name = "Reporting line"
