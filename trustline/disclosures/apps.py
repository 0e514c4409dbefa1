from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "trustline.disclosures"
    label = "disclosures"
    verbose_name = "Records desk"
