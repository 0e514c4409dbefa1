"""ProtectedTextField: free text that is screened before it can reach the database."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.expressions import Expression

from trustline.vault.screen import Screened, screen


class ScreeningDescriptor:
    """Screens any plain string assigned to the field (values from the database are
    already screened and arrive as Screened through from_db_value)."""

    def __init__(self, field: models.Field[Any, Any]) -> None:
        self.field = field

    def __get__(self, instance: models.Model | None, owner: type) -> Any:
        if instance is None:
            return self
        return instance.__dict__.get(self.field.attname)

    def __set__(self, instance: models.Model, value: Any) -> None:
        if isinstance(value, str) and not isinstance(value, Screened):
            value = screen(value)
        instance.__dict__[self.field.attname] = value


class ProtectedTextField(models.TextField):  # type: ignore[type-arg]
    descriptor_class = ScreeningDescriptor

    def from_db_value(self, value: str | None, expression: Expression, connection: Any) -> Any:
        return None if value is None else Screened(value)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str) and not isinstance(value, Screened):
            return screen(value)
        return value

    def get_prep_value(self, value: Any) -> Any:
        if isinstance(value, str) and not isinstance(value, Screened):
            value = screen(value)
        return None if value is None else str(value)

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = super().pre_save(model_instance, add)
        if isinstance(value, Screened) and value.withheld and not value.tallied:
            # Counts only, never content, for the transparency statistics.
            from trustline.transparency.services import count_withheld

            count_withheld(value.withheld)
            value.tallied = True
        return value
