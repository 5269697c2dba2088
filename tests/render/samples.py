"""Hand-built events resembling a news story, for the render and browser tests."""

from __future__ import annotations

from timeline.model import Event, Source

A1 = "2025-06-05-kim-vows-unconditional-support.txt"
A2 = "2025-06-05-kim-vows-full-backing.txt"
A3 = "2025-07-01-war-comes-home.txt"
A4 = "2025-08-15-putin-lauds-troops.txt"
A5 = "2025-08-17-communist-chief-hails-troops.txt"


def source(
    article: str, quote: str, phrase: str = "", url: str = "", outlet: str = "AFP"
) -> Source:
    """A source with the article's publish date taken from its file name."""
    return Source(
        article=article,
        published=article[:10],
        quote=quote,
        phrase=phrase,
        outlet=outlet,
        url=url,
        resolution=f"“{phrase}” read against the publish date" if phrase else "",
    )


def story_events() -> list[Event]:
    """About fifteen events: visits, a summit, deployments, a year, "early 2025", spans, bounds."""
    return [
        Event(
            id="shoigu-meets-kim-2025-06-04",
            title="Shoigu meets Kim Jong Un in Pyongyang",
            date="2025-06-04",
            category="visit",
            actors=("Sergei Shoigu", "Kim Jong Un"),
            place="Pyongyang",
            sources=(
                source(
                    A1,
                    "Meeting top Russian security official Sergei Shoigu on Wednesday, "
                    "Kim said that Pyongyang would unconditionally support Russia.",
                    "on Wednesday",
                    "https://example.org/kim-vows",
                ),
                source(
                    A2,
                    "Kim met Shoigu on Wednesday in Pyongyang.",
                    "on Wednesday",
                    outlet="Reuters",
                ),
                source(A3, "Shoigu visited Pyongyang twice in June.", "in June"),
            ),
        ),
        Event(
            id="shoigu-visit-2025-06-17",
            title="Shoigu returns to Pyongyang for a second June visit",
            date="2025-06-17",
            category="visit",
            actors=("Sergei Shoigu",),
            place="Pyongyang",
            sources=(
                source(A3, "Shoigu returned on 17 June.", "17 June"),
                source(A4, "Shoigu's June 17 trip sealed the deal.", "June 17"),
            ),
        ),
        Event(
            id="shoigu-visit-2025-03",
            title="Shoigu visits Pyongyang and hails the defence deal",
            date="2025-03",
            category="visit",
            actors=("Sergei Shoigu",),
            sources=(
                source(A1, "Shoigu hailed the deal during a visit in March.", "in March"),
                source(A2, "His March visit was the first of the year.", "March"),
            ),
        ),
        Event(
            id="putin-trump-alaska-summit-2025-08-15",
            title="Putin and Trump meet at a summit in Alaska",
            date="2025-08-15",
            category="summit",
            actors=("Vladimir Putin", "Donald Trump"),
            place="Anchorage, Alaska",
            sources=(
                source(
                    A4,
                    "Putin met Trump in Alaska on Friday.",
                    "on Friday",
                    "https://example.org/putin-lauds",
                ),
                source(A5, "Friday's Alaska summit ended without a deal.", "Friday's"),
                source(A3, "A summit is planned for mid-August.", "mid-August"),
            ),
        ),
        Event(
            id="putin-visits-pyongyang-2024-06",
            title="Putin visits Pyongyang and signs a mutual defence pact",
            date="2024-06",
            category="treaty",
            actors=("Vladimir Putin", "Kim Jong Un"),
            place="Pyongyang",
            sources=(
                source(
                    A1,
                    "Russia and North Korea signed a sweeping military deal last year.",
                    "last year",
                ),
                source(A2, "The pact was signed in June last year.", "in June last year"),
            ),
            disagreement="A1 gives 2024, A2 gives June 2024",
        ),
        Event(
            id="troops-deployed-to-kursk-2024",
            title="North Korean troops deployed to Russia's Kursk region",
            date="2024-10",
            end="2025-04",
            category="deployment",
            place="Kursk",
            sources=(
                source(
                    A1,
                    "North Korea has sent thousands of troops to help oust Ukrainian "
                    "forces from Kursk.",
                    "",
                ),
                source(
                    A4, "Troops fought in Kursk from October to April.", "from October to April"
                ),
                source(A5, "The troops fought in Kursk.", ""),
            ),
        ),
        Event(
            id="north-korea-confirms-deployment-2025-04",
            title="North Korea confirms for the first time that it deployed troops",
            date="2025-04",
            category="statement",
            sources=(
                source(
                    A1,
                    "North Korea in April confirmed for the first time that it had "
                    "deployed troops to Russia.",
                    "in April",
                ),
                source(A5, "Pyongyang admitted the deployment in April.", "in April"),
            ),
        ),
        Event(
            id="engineers-sent-2025-early",
            title="Pyongyang promises engineers and deminers for Kursk",
            date="2025",
            qualifier="early",
            category="deployment",
            sources=(
                source(
                    A3, "Early this year Pyongyang promised 6,000 engineers.", "early this year"
                ),
            ),
        ),
        Event(
            id="casualties-600-2025",
            title="About 600 North Korean soldiers killed fighting for Russia",
            date="2025",
            category="casualties",
            sources=(source(A1, "Around 600 North Korean soldiers have been killed.", ""),),
        ),
        Event(
            id="lee-sworn-in-2025-06-04",
            title="Lee Jae-myung sworn in as South Korea's president",
            date="2025-06-04",
            category="other",
            actors=("Lee Jae-myung",),
            place="Seoul",
            sources=(source(A1, "South Korea swore in new president Lee Jae-myung.", "Wednesday"),),
            edited=True,
        ),
        Event(
            id="sanctions-group-condemns-2025-05-29",
            title="Sanctions monitoring group condemns Russia–North Korea ties as unlawful",
            date="2025-05-29",
            category="diplomacy",
            sources=(
                source(
                    A1,
                    "A multilateral sanctions monitoring group last week condemned "
                    "ties as 'unlawful'.",
                    "last week",
                ),
            ),
        ),
        Event(
            id="ammunition-shipments-since-2023",
            title="Russian ships carry North Korean ammunition",
            date="2023-09",
            qualifier="since",
            category="deployment",
            sources=(
                source(
                    A2,
                    "Since September 2023 cargo ships have carried ammunition.",
                    "Since September 2023",
                ),
            ),
        ),
        Event(
            id="missile-tests-before-2024",
            title="North Korean missiles tested on Ukrainian battlefields",
            date="2024-01",
            qualifier="before",
            category="casualties",
            sources=(
                source(
                    A2, "Before January 2024 the missiles were already used.", "Before January 2024"
                ),
            ),
        ),
        Event(
            id="kim-letter-2025-08-14",
            title="Putin lauds North Korean troops in a letter to Kim",
            date="2025-08-14",
            category="statement",
            actors=("Vladimir Putin", "Kim Jong Un"),
            sources=(
                source(
                    A4,
                    "Putin praised the troops in a letter on Thursday.",
                    "on Thursday",
                    "https://example.org/putin-letter",
                ),
                source(A5, "Putin's letter lauded the troops' heroism.", ""),
            ),
        ),
        Event(
            id="communist-chief-hails-troops-2025-08-16",
            title="Russia's Communist chief hails North Korean troops",
            date="2025-08-16",
            category="statement",
            actors=("Gennady Zyuganov",),
            sources=(source(A5, "Zyuganov hailed the troops on Saturday.", "on Saturday"),),
        ),
        Event(
            id="shoigu-kim-talks-2025-06-mid",
            title="Kim and Shoigu agree to rebuild Kursk",
            date="2025-06",
            qualifier="mid",
            category="meeting",
            actors=("Kim Jong Un", "Sergei Shoigu"),
            sources=(source(A3, "In mid-June they agreed to rebuild Kursk.", "mid-June"),),
        ),
        Event(
            id="kim-in-vladivostok-2025-05-07",
            title="Kim Jong Un holds three days of talks in Vladivostok",
            date="2025-05-07",
            end="2025-05-09",
            category="meeting",
            actors=("Kim Jong Un",),
            place="Vladivostok",
            sources=(source(A3, "Kim spent three days in Vladivostok from 7 May.", "from 7 May"),),
        ),
        Event(
            id="drone-factory-about-2025-07-20",
            title="Drone factory opens near Wonsan",
            date="2025-07-20",
            qualifier="about",
            category="other",
            place="Wonsan",
            sources=(source(A4, "The factory opened around 20 July.", "around 20 July"),),
        ),
    ]


# A story told over 2024-2025 with background from long before, as news gives it: fifty
# events in 2024-2025 in fourteen lanes (three on one day in one lane, some told by several
# articles), one in 1945 and one in 1990: more lanes than a laptop's first screen can hold.
_STORY_KINDS = (
    "visit",
    "meeting",
    "statement",
    "deployment",
    "diplomacy",
    "summit",
    "casualties",
    "sanctions",
    "election",
    "protest",
    "trade",
    "aid",
    "cyber",
    "other",
)
BACKGROUND_IDS = ("liberation-1945-08-15", "treaty-1990-09")
SAME_DAY_IDS = ("talks-a-2025-06-04", "talks-b-2025-06-04", "talks-c-2025-06-04")


def background_story_events() -> list[Event]:
    """52 events: 50 in 2024-2025, a 1945 liberation and a 1990 treaty recalled as context."""
    told_twice = (source(A1, "Officials said so."), source(A3, "The report said so too."))
    told_once = (source(A2, "An official said so."),)
    events = [
        Event(
            id=f"story-{index:02d}",
            title=f"Envoys hold round {index} of the {_STORY_KINDS[index % len(_STORY_KINDS)]} talks",
            date=f"{2024 + index // 24}-{index % 12 + 1:02d}-{(index * 7) % 27 + 1:02d}",
            category=_STORY_KINDS[index % len(_STORY_KINDS)],
            actors=("Envoy A", "Envoy B"),
            sources=told_twice if index % 6 == 0 else told_once,
        )
        for index in range(47)
    ]
    events += [
        Event(
            id=event_id,
            title=f"Talks {event_id[6]} on the same day",
            date="2025-06-04",
            category="meeting",
            sources=told_once,
        )
        for event_id in SAME_DAY_IDS
    ]
    events += [
        Event(
            id=BACKGROUND_IDS[0],
            title="Korea is liberated from Japanese rule",
            date="1945-08-15",
            category="other",
            sources=told_once,
        ),
        Event(
            id=BACKGROUND_IDS[1],
            title="Moscow and Seoul sign a treaty",
            date="1990-09",
            category="treaty",
            sources=told_once,
        ),
    ]
    return events
