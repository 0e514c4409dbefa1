from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "trustline.vault"
    label = "vault"
    verbose_name = "Protected text"
