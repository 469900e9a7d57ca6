"""Who the demo customers are: Polish names, addresses around Węgrów, service points, habits.

Every customer is drawn from a random generator seeded with the run's seed and the customer's
number, so a customer looks the same whatever the size of the run and however it is cut into
chunks.
"""

import random
from dataclasses import dataclass, field

# fmt: off
MALE_FIRST_NAMES = (
    "Jan", "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Stanisław",
    "Józef", "Marek", "Łukasz", "Grzegorz", "Adam", "Zbigniew", "Jerzy", "Tadeusz", "Mateusz",
    "Dariusz", "Mariusz", "Wojciech", "Ryszard", "Jakub", "Henryk", "Kazimierz", "Jacek", "Maciej",
    "Sławomir", "Bogdan", "Mieczysław", "Zdzisław", "Bartłomiej", "Przemysław", "Radosław",
    "Witold", "Bolesław", "Czesław", "Władysław",
)
FEMALE_FIRST_NAMES = (
    "Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna",
    "Elżbieta", "Zofia", "Teresa", "Magdalena", "Joanna", "Danuta", "Jadwiga", "Halina", "Irena",
    "Beata", "Aleksandra", "Monika", "Dorota", "Jolanta", "Bożena", "Grażyna", "Urszula", "Renata",
    "Iwona", "Wiesława", "Stanisława", "Helena", "Łucja", "Józefa", "Genowefa",
)
# Surnames that agree with the person's sex: -ski/-cki/-dzki become -ska/-cka/-dzka.
ADJECTIVAL_SURNAMES = (
    "Kowalski", "Wiśniewski", "Lewandowski", "Zieliński", "Szymański", "Dąbrowski", "Kozłowski",
    "Jankowski", "Wojciechowski", "Kwiatkowski", "Kamiński", "Piotrowski", "Grabowski", "Pawłowski",
    "Michalski", "Nowicki", "Jabłoński", "Majewski", "Olszewski", "Malinowski", "Jaworski",
    "Górski", "Rutkowski", "Sokołowski", "Ostrowski", "Tomaszewski", "Witkowski", "Sadowski",
    "Baranowski", "Szczepański", "Czarnecki", "Kalinowski", "Wróblewski", "Zalewski", "Jasiński",
    "Sikorski", "Borkowski", "Chmielewski", "Krajewski", "Kurowski", "Przybylski", "Ziółkowski",
    "Gołębiowski", "Śliwiński", "Żebrowski", "Łochowski", "Węgrowski", "Białecki", "Zawadzki",
    "Ryński",
)
PLAIN_SURNAMES = (
    "Nowak", "Wójcik", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król",
    "Wróbel", "Sikora", "Baran", "Duda", "Szewczyk", "Michalak", "Pietrzak", "Walczak", "Stępień",
    "Adamczyk", "Dudek", "Wieczorek", "Kołodziej", "Żak", "Śliwa", "Bąk", "Łuczak", "Grzelak",
    "Kubiak", "Sobczak", "Kruk", "Zięba", "Pająk", "Gołąb", "Wrona", "Jastrzębiec",
)
BRANDS = (
    "Dąb", "Liwiec", "Kłos", "Jutrzenka", "Sokół", "Bławatek", "Żuraw", "Złoty Kłos", "Pod Lipami",
    "Orzeł", "Zorza", "Wrzos", "Podlasie", "Mazowsze", "Łąka", "Słonecznik", "Pszczółka",
    "Jarzębina", "Źródło", "Bażant",
)
# fmt: on
COMPANIES = (
    "Piekarnia „{brand}” s.c.",
    "Zakład Stolarski {person}",
    "Warsztat Samochodowy {person}",
    "Sklep Spożywczy „{brand}”",
    "Gospodarstwo Ogrodnicze {person}",
    "Przedsiębiorstwo Handlowo-Usługowe „{brand}” Sp. z o.o.",
    "Restauracja „{brand}”",
    "Myjnia Samochodowa „{brand}”",
    "Zakład Przetwórstwa Mięsnego „{brand}” Sp. z o.o.",
    "Apteka „{brand}”",
    "Pensjonat „{brand}”",
    "Usługi Remontowo-Budowlane {person}",
)
INSTITUTIONS = (
    "Szkoła Podstawowa nr {n} {locative}",
    "Przedszkole Samorządowe {locative}",
    "Ośrodek Zdrowia {locative}",
    "Ochotnicza Straż Pożarna {locative}",
    "Gminny Ośrodek Kultury {locative}",
    "Parafia Rzymskokatolicka {locative}",
)
HOUSING = ("Spółdzielnia Mieszkaniowa „{brand}”", "Wspólnota Mieszkaniowa {street}")


@dataclass(frozen=True)
class Town:
    name: str
    postal_code: str
    locative: str  # "w Węgrowie"
    streets: tuple[str, ...]
    weight: int
    flats: float = 0.0  # share of addresses that are flats in blocks


# fmt: off
TOWNS = (
    Town("Węgrów", "07-100", "w Węgrowie", weight=50, flats=0.35, streets=(
        "ul. Gdańska", "ul. Kościuszki", "ul. Przemysłowa", "ul. Piłsudskiego", "ul. Sokołowska",
        "ul. Warszawska", "ul. Mokra", "ul. Narutowicza", "ul. Spółdzielcza", "ul. Szkolna",
        "ul. Armii Krajowej", "ul. Jana Pawła II", "ul. Podlaska", "ul. Polna", "ul. Leśna",
        "ul. Ogrodowa", "ul. Łąkowa", "ul. Słoneczna", "ul. Strażacka", "ul. Zielona", "ul. Krzywa",
        "ul. Źródlana", "ul. Żwirowa", "Rynek Mickiewicza", "ul. Kościelna", "ul. Sienkiewicza",
        "ul. Kilińskiego", "ul. Żeromskiego", "ul. Konopnickiej", "ul. Chopina", "ul. Moniuszki",
        "ul. Łochowska", "ul. Gwardii", "ul. Świętokrzyska", "ul. Reja",
    )),
    Town("Łochów", "07-130", "w Łochowie", weight=16, flats=0.25, streets=(
        "al. Pokoju", "ul. Kościuszki", "ul. Przechodnia", "ul. Żwirowa", "ul. Szkolna",
        "ul. Długa", "ul. Mickiewicza", "ul. Jagiellońska", "ul. Leśna", "ul. Kolejowa",
        "ul. Lipowa", "ul. Wyszkowska",
    )),
    Town("Sadowne", "07-140", "w Sadownem", weight=6,
         streets=("ul. Kościuszki", "ul. Szkolna", "ul. Kolejowa")),
    Town("Stoczek", "07-104", "w Stoczku", weight=5,
         streets=("ul. Węgrowska", "ul. Kościuszki", "ul. Polna")),
    Town("Korytnica", "07-120", "w Korytnicy", weight=5,
         streets=("ul. Kościelna", "ul. Łochowska")),
    Town("Grębków", "07-110", "w Grębkowie", weight=4,
         streets=("ul. Szkolna", "ul. Kościelna", "ul. Węgrowska")),
    Town("Liw", "07-100", "w Liwie", weight=4,
         streets=("ul. Zamkowa", "ul. Kościelna", "ul. Mokobodzka")),
)
# Villages without street names: the address is the village and a number, the post office's
# town and code come after it ("Jarnice 12, 07-100 Węgrów").
VILLAGES = (  # (village, "in the village", post office, postal code)
    ("Starawieś", "w Starejwsi", "Węgrów", "07-100"),
    ("Jarnice", "w Jarnicach", "Węgrów", "07-100"),
    ("Ruchna", "w Ruchnej", "Węgrów", "07-100"),
    ("Pierzchały", "w Pierzchałach", "Węgrów", "07-100"),
    ("Tończa", "w Tończy", "Węgrów", "07-100"),
    ("Krypy", "w Krypach", "Węgrów", "07-100"),
    ("Grodzisk", "w Grodzisku", "Grębków", "07-110"),
    ("Sinołęka", "w Sinołęce", "Grębków", "07-110"),
    ("Rabiany", "w Rabianach", "Korytnica", "07-120"),
    ("Baczki", "w Baczkach", "Łochów", "07-130"),
    ("Kamionna", "w Kamionnie", "Łochów", "07-130"),
    ("Wierzbno", "w Wierzbnie", "Wierzbno", "07-111"),
    ("Miedzna", "w Miedznie", "Miedzna", "07-106"),
)
# fmt: on
VILLAGE_WEIGHT = 18
ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


@dataclass(slots=True)
class PointSpec:
    """A service point: where water is supplied, and how much a month is used there."""

    code: str
    postal_code: str
    city: str
    street: str
    sewage: bool
    monthly_m3: float
    garden_m3: float = 0.0  # summer use through a garden sub-meter; 0: no sub-meter


@dataclass(slots=True)
class CustomerSpec:
    number: str
    name: str
    kind: str  # household, company, institution, housing
    postal_code: str
    city: str
    street: str
    email: str = ""
    phone: str = ""
    payer: str = "punctual"  # punctual, late, overpayer, debtor; "guide" for 001234
    route: int = 1  # read in odd (1) or even (0) months
    read_day: int = 10
    joins_later: bool = False  # a new connection during the history
    corrections: bool = True
    points: list[PointSpec] = field(default_factory=list)


# The five named customers of the seed guide and the admin's examples, numbers 001234-001238.
# fmt: off
NAMED = {  # number: (name, postal code, city, street, e-mail)
    "001234": ("Jan Węgrowski", "07-100", "Węgrów", "ul. Wyszyńskiego 1",
               "jan.wegrowski@example.pl"),
    "001235": ("Anna Zielińska", "07-100", "Węgrów", "ul. Gdańska 12 m. 4",
               "anna.zielinska@example.pl"),
    "001236": ("Spółdzielnia Mieszkaniowa „Liwiec”", "07-100", "Węgrów", "ul. Kościuszki 30", ""),
    "001237": ("Piotr Łukasiewicz", "07-100", "Węgrów", "ul. Przemysłowa 5",
               "p.lukasiewicz@example.pl"),
    "001238": ("Małgorzata Śliwińska", "07-106", "Liw", "ul. Zamkowa 2", "m.sliwinska@example.pl"),
}
# fmt: on
GUIDE_NUMBER = "001234"


def customer_numbers(count: int) -> list[str]:
    """The named customers first (the guide's always), then 000001, 000002, ... around them."""
    numbers = list(NAMED)[: max(count, 1)]
    serial = 0
    while len(numbers) < count:
        serial += 1
        number = f"{serial:06d}"
        if number not in NAMED:
            numbers.append(number)
    return numbers


def customer_spec(seed: int, number: str) -> CustomerSpec:
    rng = random.Random(f"{seed}/{number}/person")  # noqa: S311 - demo data, no secrets
    if number in NAMED:
        return _named(rng, number)
    roll = rng.random()
    kind = (
        "household"
        if roll < 0.88
        else "company"
        if roll < 0.955
        else "housing"
        if roll < 0.98
        else "institution"
    )
    town, village = _place(rng)
    flat = kind == "household" and village is None and rng.random() < town.flats
    postal_code, city, street = _address(rng, town, village, flat)
    name, email_name = _name(rng, kind, town.locative if town else village[1], street)
    spec = CustomerSpec(
        number=number,
        name=name,
        kind=kind,
        postal_code=postal_code,
        city=city,
        street=street,
        email=f"{email_name}.{number[-4:]}@example.pl" if rng.random() < 0.7 else "",
        phone=_phone(rng) if rng.random() < 0.5 else "",
        payer=rng.choices(("punctual", "late", "overpayer", "debtor"), weights=(78, 13, 6, 3), k=1)[
            0
        ],
        route=rng.randrange(2),
        read_day=rng.randint(3, 24),
        joins_later=rng.random() < 0.08,
    )
    monthly = {
        "household": (3, 12),
        "company": (10, 60),
        "housing": (150, 900),
        "institution": (20, 120),
    }[kind]
    sewage = rng.random() < (0.55 if village else 0.95)
    garden = 0.0
    if kind == "household" and not flat and rng.random() < 0.2:
        garden = rng.uniform(2, 9)
    spec.points.append(
        PointSpec(f"{number}/01", postal_code, city, street, sewage, rng.uniform(*monthly), garden)
    )
    if rng.random() < 0.1:  # a second point: a summer house, a second shop, another building
        town, village = _place(rng)
        postal_code, city, street = _address(rng, town, village, flat=False)
        usage = rng.uniform(*monthly) * (0.3 if kind == "household" else 1)
        spec.points.append(
            PointSpec(f"{number}/02", postal_code, city, street, rng.random() < 0.6, usage)
        )
    return spec


def _named(rng: random.Random, number: str) -> CustomerSpec:
    name, postal_code, city, street, email = NAMED[number]
    spec = CustomerSpec(number, name, "household", postal_code, city, street, email)
    point = PointSpec(f"{number}/01", postal_code, city, street, True, 6.0)
    spec.points.append(point)
    if number == GUIDE_NUMBER:
        # Everything paid but 60,00 zł of the last invoice; nothing corrected, no interest.
        spec.payer, spec.corrections, point.monthly_m3 = "guide", False, 9.0
    elif number == "001235":
        point.monthly_m3, spec.route, spec.read_day = 4.5, 0, 14
    elif number == "001236":
        spec.kind, point.monthly_m3, spec.route, spec.read_day = "housing", 620.0, 1, 5
        spec.points.append(
            PointSpec(f"{number}/02", postal_code, city, "ul. Kościuszki 32", True, 410.0)
        )
    elif number == "001237":
        spec.payer, point.garden_m3, spec.phone = "late", 6.0, "+48 600 100 237"
    else:
        spec.payer, spec.route, spec.read_day = "debtor", 0, 20
        spec.points.append(
            PointSpec(f"{number}/02", "07-100", "Węgrów", "Starawieś 45", False, 1.5)
        )
    return spec


def _place(rng: random.Random):
    towns = [*TOWNS, None]
    weights = [town.weight for town in TOWNS] + [VILLAGE_WEIGHT]
    town = rng.choices(towns, weights=weights, k=1)[0]
    return (town, None) if town else (None, rng.choice(VILLAGES))


def _address(rng: random.Random, town, village, flat: bool):
    if village:
        name, _, post_town, postal_code = village
        return postal_code, post_town, f"{name} {rng.randint(1, 140)}"
    number = str(rng.randint(1, 90 if flat else 160))
    if rng.random() < 0.06:
        number += rng.choice("ABC")
    street = f"{rng.choice(town.streets)} {number}"
    if flat:
        street += f" m. {rng.randint(1, 60)}"
    return town.postal_code, town.name, street


def _person(rng: random.Random) -> tuple[str, str]:
    female = rng.random() < 0.5
    first = rng.choice(FEMALE_FIRST_NAMES if female else MALE_FIRST_NAMES)
    if rng.random() < 0.6:
        surname = rng.choice(ADJECTIVAL_SURNAMES)
        if female:
            surname = surname[:-1] + "a"
    else:
        surname = rng.choice(PLAIN_SURNAMES)
    return first, surname


def _name(rng: random.Random, kind: str, locative: str, street: str) -> tuple[str, str]:
    """The customer's name and the part of an e-mail address made from it."""
    first, surname = _person(rng)
    brand = rng.choice(BRANDS)
    if kind == "household":
        return f"{first} {surname}", f"{first}.{surname}".lower().translate(ASCII)
    if kind == "company":
        template = rng.choice(COMPANIES)
    elif kind == "housing":
        template = rng.choice(HOUSING)
    else:
        template = rng.choice(INSTITUTIONS)
    name = template.format(
        brand=brand,
        person=f"{first} {surname}",
        n=rng.randint(1, 4),
        locative=locative,
        street=street,
    )
    return name, ("biuro" if kind != "institution" else "sekretariat")


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return f"+48 25 792 {rng.randint(10, 99)} {rng.randint(10, 99)}"
    digits = f"{rng.choice('5678')}{rng.randint(0, 99_999_999):08d}"
    return f"+48 {digits[:3]} {digits[3:6]} {digits[6:]}"
