from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "trustline.screening"
    label = "screening"
    verbose_name = "Firewall at the storage door"
