"""Retention rules are configuration: the administrator edits them here, and every
change is an audit event. Holds and warnings are not here: supervisors place holds
on the staff side (/staff/holds/), and warnings belong to purge runs."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from trustline.intake.models import Report
from trustline.retention import services
from trustline.retention.models import Outcome, RetentionRule


class RetentionRuleForm(forms.ModelForm):  # type: ignore[type-arg]
    dispositions = forms.MultipleChoiceField(
        choices=Report.Disposition.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=RetentionRule._meta.get_field("dispositions").help_text,
    )

    class Meta:
        model = RetentionRule
        fields = ["name", "active", "what", "outcome", "category", "role", "dispositions", "days"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("dispositions") and data.get("outcome") != Outcome.CLOSED:
            self.add_error("dispositions", "Only a closed case has a disposition.")
        return data


@admin.register(RetentionRule)
class RetentionRuleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = RetentionRuleForm
    list_display = ["name", "active", "what", "outcome", "category", "role", "days"]
    list_filter = ["active", "what", "outcome"]

    def save_model(self, request: HttpRequest, obj: RetentionRule, form: Any, change: bool) -> None:
        services.rule_save(actor=request.user, rule=obj)

    def delete_model(self, request: HttpRequest, obj: RetentionRule) -> None:
        services.rule_delete(actor=request.user, rule=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[RetentionRule]) -> None:
        for rule in queryset:
            services.rule_delete(actor=request.user, rule=rule)
