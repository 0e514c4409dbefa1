"""What the firewall withholds and what it leaves alone, sentence by sentence.

These are our own sentences, not the corpus's: they say the guide's cases in other
words, so they check the meaning rather than the wording.
"""

from __future__ import annotations

import itertools

import pytest

from trustline.firewall import Finding, scan


def withheld(text: str) -> list[str]:
    return [text[f.start : f.end] for f in scan(text)]


def covers(text: str, phrase: str) -> bool:
    """The phrase's characters are at least 80% withheld, as score.py counts it."""
    start = text.index(phrase)
    marked = [False] * len(text)
    for f in scan(text):
        for i in range(f.start, f.end):
            marked[i] = True
    chars = [i for i in range(start, start + len(phrase)) if not text[i].isspace()]
    return sum(marked[i] for i in chars) / len(chars) >= 0.8


DISCLOSURES = [
    # (text, the phrase that carries the disclosure)
    ("My cousin saw it but she is undocumented and scared.", "undocumented"),
    ("Mi vecino es indocumentado y vio todo.", "indocumentado"),
    ("He won't testify since he has no papers.", "has no papers"),
    ("mi tio no tiene papeles y por eso no llama", "no tiene papeles"),
    ("Ellos trabajan sin papeles en la obra.", "sin papeles"),
    ("my roommate doesnt have papers so please dont use her name", "doesnt have papers"),
    ("She came here on a student visa last year.", "on a student visa"),
    ("His work visa expired in May and he is afraid.", "work visa expired"),
    ("mi hermana tiene visa de turista", "visa de turista"),
    ("A mi primo se le vencio la visa el año pasado.", "se le vencio la visa"),
    ("Her husband overstayed his visa.", "overstayed his visa"),
    ("My dad just got his green card.", "got his green card"),
    ("The victim is a lawful permanent resident.", "lawful permanent resident"),
    ("Mi esposa tiene la residencia desde 2010.", "tiene la residencia"),
    ("I have a work permit from USCIS.", "have a work permit"),
    ("mi permiso de trabajo se vence pronto", "permiso de trabajo"),
    ("My son has DACA and wants to help.", "has DACA"),
    ("Ella tiene TPS.", "tiene TPS"),
    ("She applied for asylum in 2022.", "applied for asylum"),
    ("Mi cuñado pidió asilo el año pasado.", "pidió asilo"),
    ("My neighbor came here as a refugee from Syria.", "came here as a refugee"),
    ("He is a U.S. citizen and can sign.", "is a U.S. citizen"),
    ("We are not citizens, so we were afraid.", "are not citizens"),
    ("Mi hija es ciudadana americana.", "es ciudadana americana"),
    ("He was deported in 2018 and came back.", "was deported in 2018"),
    ("A mi esposo lo deportaron dos veces.", "lo deportaron dos veces"),
    ("I am in removal proceedings right now.", "in removal proceedings"),
    ("Tengo una orden de deportación.", "Tengo una orden de deportación"),
    ("I can't come Monday, I have my immigration hearing.", "my immigration hearing"),
    ("no puedo ir, tengo mi cita de inmigración", "mi cita de inmigración"),
    ("He told me I'm illegal and nobody will help me.", "illegal"),
    ("ella esta ilegal aqui", "ilegal"),
    ("They yelled 'wetback' at him.", "wetback"),
    ("le gritaron mojado y le pegaron", "mojado"),
    ("I'm here on humanitarian parole.", "humanitarian parole"),
    ("He entered the country illegally in 2015.", "entered the country illegally"),
    ("My brother's visa ran out last year.", "visa ran out"),
    ("I'm a Dreamer and I saw who did it.", "a Dreamer"),
    ("I'm in the country on parole from CBP.", "parole from CBP"),
    ("I wear an ankle monitor from ICE.", "ankle monitor from ICE"),
    ("Tengo una audiencia en la corte de inmigración.", "audiencia en la corte de inmigración"),
    ("She doesn't have documents and is afraid of the police.", "doesn't have documents"),
    ("Mi visa de turista ya se venció.", "visa de turista"),
    ("Soy solicitante de asilo.", "solicitante de asilo"),
    ("Fui deportado dos veces.", "Fui deportado dos veces"),
    ("Mi hijo es dacamentado.", "dacamentado"),
    ("He was detained by ICE last year and released.", "detained by ICE"),
    ("Mi esposo está detenido por inmigración.", "detenido por inmigración"),
    ("He came here on a K-1 and she kept his passport.", "came here on a K-1"),
    ("my papers are in process, please don't share this", "my papers are in process"),
    ("mi amiga is undocumented pero she saw everything", "undocumented"),
    ("my mom has her residencia", "has her residencia"),
    ("I'm a green-card holder.", "green-card holder"),
    # Robustness: casing, missing accents, misspellings, spaces and line breaks.
    ("SHE IS UNDOCUMENTED", "UNDOCUMENTED"),
    ("mi papa esta en proceso de deportacion", "en proceso de deportacion"),
    ("my husband  has   no\npapers", "has   no\npapers"),
    ("she has a grean card", "has a grean card"),
    ("he is undocumeted", "undocumeted"),
    ("she is undocumneted", "undocumneted"),
    ("ella es indocumentda", "indocumentda"),
    ("soy residente permante", "residente permante"),
    ("mi visa esta vensida", "visa esta vensida"),
    ("he is a us sitizen", "is a us sitizen"),
    # General rules found missing on the held-out corpus (tests/heldout.jsonl).
    ("Mi suegro nunca tramitó sus papeles y el patrón lo sabe.", "nunca tramitó sus papeles"),
    ("a mi nuera se le bencio la bisa y el la amenaza", "se le bencio la bisa"),
    ("Her TPS card ran out in June and her boss knows.", "Her TPS card ran out"),
    ("a mi primo se lo llevaron los de inmigracion en mayo", "se lo llevaron los de inmigracion"),
    ("She filed an I-589 last spring, and now he follows her to work.", "filed an I-589"),
    ("my wife's I-130 is still pending and he uses it against her", "I-130 is still pending"),
    (
        "El vecino vino de paseo y nunca regreso, y ahora le roban el sueldo.",
        "vino de paseo y nunca regreso",
    ),
    ("W1 reports he entered without inspection in 2011.", "entered without inspection"),
    ("ella dice que no somos legales y que nadie nos va a creer", "no somos legales"),
    ("Ofc. note: R/P is an LPR and a witness.", "LPR"),
    ("Mi cuñado no tiene visa vigente y lo explotan en la obra.", "no tiene visa vigente"),
    (
        "my sister is a citizen and her husband isn't, so he won't call",
        "is a citizen and her husband isn't",
    ),
]


@pytest.mark.parametrize(("text", "phrase"), DISCLOSURES)
def test_it_withholds_a_status_disclosure(text: str, phrase: str) -> None:
    assert covers(text, phrase), withheld(text)


IDENTIFIERS = [
    ("My A-number is A-201-334-876.", "A-201-334-876"),
    ("My A number is 123-456-789.", "123-456-789"),
    ("A00.000.001 A00.000.002", "A00.000.002"),
    ("Her number is A 123 456 789, on the card.", "A 123 456 789"),
    ("his alien number is 123 456 789", "123 456 789"),
    ("receipt EAC 2190012345 from USCIS", "EAC 2190012345"),
    ("alien number 087654321 on the letter", "087654321"),
    ("el numero A 123456789 de mi esposo", "A 123456789"),
    ("The receipt number was WAC2290012345.", "WAC2290012345"),
    ("Card no. ioe0912345678", "ioe0912345678"),
    ("My SEVIS ID is N0012345678.", "N0012345678"),
    ("my I-94 number: 12345678901", "12345678901"),
    ("El número de mi visa es 12345678.", "12345678"),
]


@pytest.mark.parametrize(("text", "number"), IDENTIFIERS)
def test_it_withholds_an_immigration_identifier(text: str, number: str) -> None:
    start = text.index(number)
    assert any(
        f.category == "DOCUMENT_ID" and f.start <= start and start + len(number) <= f.end
        for f in scan(text)
    ), withheld(text)


LEFT_ALONE = [
    "He threatened to call ICE on me if I reported him.",
    "Mi patrón dijo que va a llamar a la migra si me quejo.",
    "He said he'd make sure I get deported.",
    "My Visa debit card was used at two stores.",
    "Me clonaron la tarjeta de débito Visa.",
    "She slipped on black ice outside the store.",
    "The ice cream truck hit a parked car.",
    "A car was illegally parked in the fire lane.",
    "Neighbors are setting off illegal fireworks again.",
    "There is illegal dumping behind the plant.",
    "That's illegal, what he is doing.",
    "My grandfather is a senior citizen and was scammed.",
    "The guard made a citizen's arrest.",
    "A concerned citizen called about the noise.",
    "The suspect had a Honduran accent and fled to Mexico.",
    "We ate at a Guatemalan restaurant before it happened.",
    "Someone stole my passport, number 123456789, from the car.",
    "Me robaron los papeles del carro de la guantera.",
    "He was served divorce papers last week.",
    "The immigration law office on 5th St was vandalized.",
    "Kids in alien costumes broke the window.",
    "El piso estaba mojado y la señora se cayó.",
    "What is the status of my case?",
    "¿Cuál es el estatus de mi reporte?",
    "My husband is on parole for an old robbery.",
    "Mi abuela vive en un asilo de ancianos.",
    "Road rage on I-94 eastbound near exit 210.",
    "He had a residential parking permit on the windshield.",
    "Call me at 555-123-4567 after 5pm.",
    "The green house on the corner was egged.",
    "Un ciudadano llamó para reportar el choque.",
    "Entraron a la residencia de mis suegros.",
    "He drove a green Civic and a white van.",
    "I'm a citizen of this neighborhood and I'm tired of the noise.",
    "She said she'd report me to ICE.",
    "He said I'd be deported if I complained.",
    "The refugee center on 3rd was vandalized.",
    "Se refugiaron en la iglesia durante el tiroteo.",
    "It's legal to park there after 6.",
    "I don't have any documents proving the payment.",
    "No papers were taken, only cash.",
    "I didn't have my papers with me when they towed the car.",
    "We are citizens of this city and we want the lights fixed.",
    # Look-alikes found on the held-out corpus.
    "They robbed the clinic for refugees on Grand and took the laptops.",
    "Roban en el albergue para asilados de la calle 3 cada semana.",
    "A guy handing out citizenship workshop flyers got punched at the bus stop.",
    "My green card wallet and my keys were in the stolen backpack.",
    "se me rompio la mica del telefono cuando me empujo",
    "It's not legal for the tow yard to keep my car, is it?",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_it_leaves_the_crime_facts_alone(text: str) -> None:
    assert scan(text) == []


def test_it_leaves_a_threat_to_call_ice_alone_but_withholds_the_status_beside_it() -> None:
    text = "He threatened to call ICE on me because I have no papers."
    assert withheld(text) == ["have no papers"]


def test_it_keeps_a_stolen_passport_number_but_not_a_green_card_number() -> None:
    text = "They took my passport C03005988 and my green card, number SRC1987654321."
    found = withheld(text)
    assert "C03005988" not in " ".join(found)
    assert "SRC1987654321" in found


def test_a_visa_number_named_by_its_label_is_withheld_even_beside_a_passport() -> None:
    text = "El patrón tiene mi pasaporte. El número de mi visa es 41928375."
    assert withheld(text) == ["41928375"]


def test_the_words_up_to_the_cue_a_term_needs_are_withheld_with_it() -> None:
    # "pollero" is a status term only with the journey before it; the journey is
    # what discloses how the person came, so it goes with the term.
    assert withheld("Vinimos a Estados Unidos con un pollero.") == [
        "Vinimos a Estados Unidos con un pollero"
    ]
    assert withheld("Le pagamos al coyote para cruzar.") == ["Le pagamos al coyote para cruzar"]


def test_findings_are_sorted_disjoint_and_categorised() -> None:
    text = "I have no papers. My A-number is A123456789. Mi hermano es indocumentado."
    found = scan(text)
    assert found == sorted(found, key=lambda f: f.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert {f.category for f in found} == {"STATUS", "DOCUMENT_ID"}
    assert all(isinstance(f, Finding) for f in found)


def test_the_language_hint_changes_nothing_found() -> None:
    text = "my brother no tiene papeles and he saw it"
    assert scan(text, "en") == scan(text, "es") == scan(text, "mixed") == scan(text)


def test_a_status_word_named_after_a_venue_word_is_a_name() -> None:
    assert withheld("There was a stabbing outside the bar Los Mojados on Main.") == []
    assert withheld("Robaron en el restaurante El Refugio anoche.") == []
    # A sentence end between them: the venue is one thing, the status another.
    assert withheld("My cousin works at the bar. Undocumented, he never calls.") == ["Undocumented"]


def test_a_cue_of_several_words_counts_where_it_begins() -> None:
    # An agency's full name starts within the reach of "detenida" and ends beyond it:
    # the whole name is the cue, and what it ends with is withheld with the term.
    assert withheld("Fue detenida por el Servicio de Inmigración y Aduanas, en enero.") == [
        "Fue detenida por el Servicio de Inmigración y Aduanas"
    ]
    assert withheld("Foi preso por agentes do ICE ontem.") == ["Foi preso por agentes do ICE"]
    # The same words with no agency in reach are an ordinary arrest.
    assert withheld("Fue detenida por el guardia de seguridad del centro comercial.") == []


def test_optional_arabic_marks_do_not_hide_a_word_and_go_with_it() -> None:
    # News Arabic writes the indefinite ending on words reports leave bare.
    assert withheld("وصل إلى أمريكا لاجئاً عام ٢٠١٥") == ["وصل إلى أمريكا لاجئاً"]
    # Shadda is written or not at will ("قدّمنا" is "قدمنا"); the vowel that makes a
    # passive is not: "رُحّل" (was deported) is withheld, "رحل" (left) is not.
    assert withheld("قدّمنا على اللجوء السنة الماضية") == ["قدّمنا على اللجوء"]
    assert withheld("رُحّل أخي إلى اليمن") == ["رُحّل"]
    assert withheld("رحل أبوي إلى الشغل الصبح") == []
    # Offsets still point into the text as written, runs of spaces included.
    assert withheld("He   has   no    papers  and  he  fled") == ["has   no    papers"]


def test_a_visa_class_by_its_letters_is_read_beside_the_words_of_any_language() -> None:
    assert withheld("저는 F-1 유학생인데 룸메이트가 돈을 훔쳤어요.") == ["F-1 유학생인데"]
    assert withheld("她持F-1学生签证。") == ["持F-1学生签证"]
    assert withheld("Приехала по визе J-1 и осталась.") == ["по визе J-1"]
    # Letters and a digit that name a flat or a race are not a visa.
    assert withheld("Me fui na B2 do prédio.") == []
    assert withheld("Вчера смотрели гонки F1 по телевизору.") == []
