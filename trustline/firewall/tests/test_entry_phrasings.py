"""Ways of saying how someone came that no rule knew at first (the misses noted after
the held-out sets): jumping the border, coming with a smuggler, having no social
security number. And the look-alikes each of them must leave alone."""

from __future__ import annotations

import pytest

from trustline.firewall.tests.test_scan import covers, withheld

DISCLOSED = [
    ("Mi hermano se brincó la frontera el año pasado.", "se brincó la frontera"),
    ("Ella saltó la frontera en 2018.", "saltó la frontera"),
    ("My neighbor jumped the border years ago, he saw everything.", "jumped the border"),
    ("He crossed the border illegally in 2019.", "crossed the border illegally"),
    ("Cruzó la frontera sin papeles y trabaja en la obra.", "Cruzó la frontera sin papeles"),
    ("Vine con un coyote hace dos años.", "Vine con un coyote"),
    ("Vinimos a Estados Unidos con un pollero.", "Vinimos a Estados Unidos con un pollero"),
    ("They came over with a smuggler when they were kids.", "came over with a smuggler"),
    ("Le pagamos al coyote para cruzar.", "Le pagamos al coyote para cruzar"),
    ("We paid a smuggler to get here.", "paid a smuggler to get"),
    ("No tengo seguro social, por eso no fui a la clínica.", "No tengo seguro social"),
    ("Mi esposo no tiene número de seguro social.", "no tiene número de seguro social"),
    ("I don't have a social security number, so...", "don't have a social security number"),
    ("She works without a social security number.", "without a social security number"),
]  # fmt: skip

LEFT_ALONE = [
    "El ladrón saltó el muro del patio y se llevó la bicicleta.",
    "The burglar jumped the fence behind the garage.",
    "A coyote ate my chickens last night.",
    "We crossed the border to visit family in Tijuana last summer.",
    "The border patrol agent at the checkpoint was rude to my mother.",
    "He stole my social security card and my checkbook.",
    "I went to the social security office on Monday.",
    "She works as a social worker at the shelter.",
    # Crimes by a smuggler are the facts of the report (extortion, trafficking).
    "Le debo al coyote cinco mil dólares y me amenaza.",
    "El coyote me amenaza con decirle a la migra.",
    "Pagamos al coyote y luego nos secuestró en una casa.",
]


@pytest.mark.parametrize(("text", "phrase"), DISCLOSED)
def test_it_withholds_how_someone_came(text: str, phrase: str) -> None:
    assert covers(text, phrase), withheld(text)


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_it_leaves_the_look_alikes_and_the_crimes_alone(text: str) -> None:
    assert withheld(text) == []
