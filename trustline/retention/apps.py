from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "trustline.retention"
    label = "retention"
    verbose_name = "Retention"
