"""Django admin holds configuration only: agency profile and categories. Reports,
messages, notes and the audit trail are deliberately not registered."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin

from trustline.audit.admin_log import AuditedAdmin
from trustline.intake.models import AgencyProfile, Category, CategoryGroup


class AgencyProfileForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = AgencyProfile
        fields = [
            "name",
            "non_emergency_phone",
            "interpreter_phone",
            "interpreter_hours",
            "promise",
            "advocate",
            "case_number_format",
        ]

    def clean_case_number_format(self) -> str:
        fmt: str = self.cleaned_data["case_number_format"]
        if "{seq" not in fmt:
            raise forms.ValidationError("The format must contain {seq}.")
        try:
            fmt.format(year=2026, seq=1)
        except (KeyError, ValueError, IndexError) as exc:
            raise forms.ValidationError(f"Not a valid format: {exc}") from None
        return fmt


@admin.register(AgencyProfile)
class AgencyProfileAdmin(AuditedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    form = AgencyProfileForm

    def has_add_permission(self, request: Any) -> bool:
        return not AgencyProfile.objects.exists()


@admin.register(CategoryGroup)
class CategoryGroupAdmin(AuditedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["slug", "position"]


@admin.register(Category)
class CategoryAdmin(AuditedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["slug", "group", "nibrs_code", "against_person", "active"]
    list_filter = ["group", "active", "against_person"]

    def formfield_for_dbfield(self, db_field: Any, request: Any, **kwargs: Any) -> Any:
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "nibrs_code" and field is not None:
            field.validators.append(_not_immigration_offense)
        return field


FEDERAL_IMMIGRATION_OFFENSES = {"30A", "30B", "30C", "30D", "49C"}


def _not_immigration_offense(value: str) -> None:
    if value.upper() in FEDERAL_IMMIGRATION_OFFENSES:
        raise forms.ValidationError("Federal immigration offenses are not offered.")
