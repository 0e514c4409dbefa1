"""How forms render: with the project's own templates, so that Django's field groups
(`{{ form.field.as_field_group }}`) use templates/field.html — label, hint, error and
input in the GOV.UK pattern — on every page, instead of an include each page passes a
field to."""

from __future__ import annotations

from django.forms.renderers import TemplatesSetting


class FieldGroups(TemplatesSetting):
    field_template_name = "field.html"
