from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "trustline.transparency"
    label = "transparency"
    verbose_name = "Transparency figures"
