"""Stored free text: ProtectedTextField is screened by the firewall before it can reach
the database; SealedTextField is screened and then encrypted with its report's key."""

from __future__ import annotations

from typing import Any, Protocol, cast

from django.db import models
from django.db.models.expressions import Expression

from trustline.screening.screen import Screened, screen
from trustline.screening.services import require_counted
from trustline.vault import crypto


class Sealed(str):
    """Ciphertext as it sits in the database; opened on first read with the key."""


def _unscreened(value: object) -> bool:
    """Plain text that has not passed the firewall (database values and ciphertext have)."""
    return isinstance(value, str) and not isinstance(value, Screened | Sealed)


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
        if _unscreened(value):
            value = screen(value)
        instance.__dict__[self.field.attname] = value


class ProtectedTextField(models.TextField):  # type: ignore[type-arg]
    descriptor_class = ScreeningDescriptor

    def from_db_value(self, value: str | None, expression: Expression, connection: Any) -> Any:
        return None if value is None else Screened(value)

    def to_python(self, value: Any) -> Any:
        return screen(value) if _unscreened(value) else value

    def get_prep_value(self, value: Any) -> Any:
        if _unscreened(value):
            value = screen(value)
        return None if value is None else str(value)

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = super().pre_save(model_instance, add)
        require_counted(value, f"{model_instance._meta.label}.{self.name}")
        return value


class VaultLocked(Exception):
    """Encrypted content was read or written without its report's data key."""


class SealedOwner(Protocol):
    def vault_key(self) -> bytes | None: ...

    def vault_context(self, field: str) -> str: ...


class SealingDescriptor(ScreeningDescriptor):
    """Screens what is assigned, and opens what came from the database on first read
    (with the data key that the vault attached to the report)."""

    def __get__(self, instance: models.Model | None, owner: type) -> Any:
        if instance is None:
            return self
        value = instance.__dict__.get(self.field.attname)
        if isinstance(value, Sealed):
            value = Screened(crypto.open_text(_key_of(instance), value, _ad(instance, self.field)))
            instance.__dict__[self.field.attname] = value
        return value


def _key_of(instance: models.Model) -> bytes:
    key = cast(SealedOwner, instance).vault_key()
    if key is None:
        raise VaultLocked(f"{instance._meta.label}: no data key")
    return key


def _ad(instance: models.Model, field: models.Field[Any, Any]) -> str:
    return cast(SealedOwner, instance).vault_context(field.name)


def _stored_as_is(value: object) -> bool:
    """Nothing to encrypt: no value, an empty one, or ciphertext read from the database."""
    return value is None or value == "" or isinstance(value, Sealed)


class SealedTextField(ProtectedTextField):
    """Screened, then encrypted with the report's data key (field and report bound as
    associated data). An empty value stays empty and needs no key."""

    descriptor_class = SealingDescriptor

    def from_db_value(self, value: str | None, expression: Expression, connection: Any) -> Any:
        if not value:
            return Screened(value or "")
        return Sealed(value)

    def get_prep_value(self, value: Any) -> Any:
        if _stored_as_is(value):
            return None if value is None else str(value)
        # Plain text may only reach the database through pre_save, which encrypts it:
        # not through update(), filter() or a raw value.
        raise VaultLocked(f"{self.name}: plain text cannot be stored or searched")

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        # Read past the descriptor: a value nobody opened is saved as it was, keyless.
        value = model_instance.__dict__.get(self.attname)
        require_counted(value, f"{model_instance._meta.label}.{self.name}")
        if _stored_as_is(value):
            return value
        key = _key_of(model_instance)
        return Sealed(crypto.seal_text(key, str(value), _ad(model_instance, self)))


class SealedModel(models.Model):
    """A model with SealedTextFields: refresh_from_db re-reads them still sealed,
    so a refresh needs no key and an opened instance stays opened."""

    class Meta:
        abstract = True

    def refresh_from_db(
        self, using: str | None = None, fields: Any = None, from_queryset: Any = None
    ) -> None:
        sealed = {f.attname for f in self._meta.concrete_fields if isinstance(f, SealedTextField)}
        every = [f.attname for f in self._meta.concrete_fields]
        wanted = every if fields is None else list(fields)
        plain = [name for name in wanted if name not in sealed]
        again = [name for name in wanted if name in sealed]
        if plain:
            super().refresh_from_db(using=using, fields=plain, from_queryset=from_queryset)
        if again:
            manager = type(self)._base_manager.using(using or self._state.db)
            row = manager.filter(pk=self.pk).values_list(*again).get()
            for name, value in zip(again, row, strict=True):
                self.__dict__[name] = value
