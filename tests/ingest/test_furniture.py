"""Main text vs furniture: which blocks are kept, which dropped, and offsets into the body."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from timeline.ingest import furniture, ingest
from timeline.model import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PARA = (
    "North Korean leader Kim Jong Un met Russia's security chief Sergei Shoigu in Pyongyang "
    "on Wednesday, the state news agency said, as the two countries deepened their ties."
)
PARA2 = (
    "The two sides agreed to expand their cooperation, and Shoigu thanked Kim for sending "
    "troops to help Russia retake its Kursk region last year, the agency reported."
)
PARA3 = (
    "South Korea's spy agency said about 600 North Korean soldiers had been killed in the "
    "fighting and thousands more had been wounded since they were deployed last autumn."
)


def article(body: str) -> Article:
    return Article(name="a.txt", published=date(2025, 6, 5), body=body)


def kept(body: str) -> list[str]:
    return [p.text for p in furniture.main_text(article(body)).passages]


def test_plain_article_keeps_every_paragraph() -> None:
    body = f"Kim meets Shoigu\n{PARA}\n{PARA2}\n{PARA3}\n"
    assert kept(body) == ["Kim meets Shoigu", PARA, PARA2, PARA3]


def test_related_section_drops_everything_after_it() -> None:
    body = (
        f"{PARA}\n{PARA2}\n{PARA3}\nRelated Articles\nOther story\nIt happened on June 5, 2025.\n"
    )
    assert kept(body) == [PARA, PARA2, PARA3]


def test_comments_heading_before_the_article_drops_only_itself() -> None:
    body = f"Comments (12)\n{PARA}\n{PARA2}\n"
    assert kept(body) == [PARA, PARA2]


def test_main_text_resumes_after_an_inline_link_list() -> None:
    body = f"{PARA}\n{PARA3}\nRead more\nKim fires missiles\nPutin visits Hanoi\n{PARA2}\n{PARA3[::-1]}.\n{PARA}\n"
    result = kept(body)
    assert PARA2 in result and "Kim fires missiles" not in result


def test_main_text_does_not_resume_after_comments() -> None:
    body = f"{PARA}\n{PARA3}\nComments\n{PARA2}\n{PARA2} Again.\n{PARA2} Once more.\n"
    assert kept(body) == [PARA, PARA3]


def test_advertisement_lines_inside_the_text_are_dropped_and_the_text_around_kept() -> None:
    body = f"{PARA}\nADVERTISEMENT\n{PARA2}\n"
    assert kept(body) == [PARA, PARA2]


def test_outlet_name_glued_to_a_relative_timestamp_is_dropped() -> None:
    body = f"Kim meets Shoigu\nDaily Herald3 hours ago\n{PARA}\n"
    assert kept(body) == ["Kim meets Shoigu", PARA]


def test_outlet_name_on_its_own_line_beside_a_timestamp_is_dropped() -> None:
    body = f"Kim meets Shoigu\nDaily Herald\n3 hours ago\n{PARA}\n"
    assert kept(body) == ["Kim meets Shoigu", PARA]


def test_repeated_title_at_the_top_is_dropped_once() -> None:
    body = f"Kim meets Shoigu\n\nKim meets Shoigu\n{PARA}\n"
    assert kept(body) == ["Kim meets Shoigu", PARA]


def test_short_promotional_lines_beside_furniture_are_dropped() -> None:
    body = f"{PARA}\n{PARA2}\n{PARA3}\nTry our new reader app\nExplore what it can do for you:\nComments\n"
    assert kept(body) == [PARA, PARA2, PARA3]


def test_subheading_inside_the_text_is_kept() -> None:
    body = f"{PARA}\nDeepening ties\n{PARA2}\n"
    assert kept(body) == [PARA, "Deepening ties", PARA2]


def test_hard_wrapped_paragraphs_are_one_passage_each() -> None:
    wrapped = "\n".join([PARA[:80], PARA[80:]])
    body = (
        f"{wrapped}\n\n{PARA2[:70]}\n{PARA2[70:]}\n\nAdvertisement\n\n{PARA3[:75]}\n{PARA3[75:]}\n"
    )
    passages = furniture.main_text(article(body)).passages
    assert [p.text.replace("\n", "") for p in passages] == [PARA, PARA2, PARA3]


def test_dropped_blocks_carry_their_reason() -> None:
    body = f"{PARA}\nAdvertisement\n{PARA2}\n"
    (dropped,) = furniture.main_text(article(body)).dropped
    assert (
        dropped.reason == "advertisement" and body[dropped.start : dropped.end] == "Advertisement"
    )


def test_scraped_aggregator_fixture_keeps_the_story_and_drops_the_rest() -> None:
    name = "aggregator.md"
    main = furniture.main_text(ingest.parse_article(name, (FIXTURES / name).read_bytes()))
    text = "\n".join(p.text for p in main.passages)
    assert "arrived in Pyongyang on Friday" in text
    assert "no sign of unusual activity along the border" in text
    for furniture_text in (
        "4h ago",
        "You might also like",
        "refinery",
        "Most popular",
        "newsletter",
        "READ MORE",
        "Reporting by",
    ):
        assert furniture_text not in text


def test_saved_web_page_main_text_is_all_kept() -> None:
    name = "news-page.html"
    main = furniture.main_text(ingest.parse_article(name, (FIXTURES / name).read_bytes()))
    assert main.dropped == ()


BLOCKS = st.sampled_from(
    [
        PARA,
        PARA2,
        PARA3,
        "Advertisement",
        "Related Articles",
        "5 hours ago",
        "Comments",
        "logo",
        "Deepening ties",
        "",
        "  ",
        "Download the app",
        "#Russia #Korea",
        "June 5, 2025",
        "By Jane Doe",
    ]
)


@given(st.lists(BLOCKS, max_size=25), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_passages_and_dropped_index_the_body_in_order_without_overlap(
    blocks: list[str], newline: str
) -> None:
    body = newline.join(blocks)
    main = furniture.main_text(article(body))
    spans = sorted(
        [(p.start, p.end) for p in main.passages] + [(d.start, d.end) for d in main.dropped]
    )
    for passage in main.passages:
        assert body[passage.start : passage.end] == passage.text and passage.text.strip()
    for (_, end), (start, _) in pairwise(spans):
        assert end <= start
    covered = sum(end - start for start, end in spans)
    assert covered <= len(body)


@given(st.text(max_size=400))
def test_main_text_never_raises_and_keeps_offsets_valid(body: str) -> None:
    main = furniture.main_text(article(body))
    for passage in main.passages:
        assert body[passage.start : passage.end] == passage.text


def test_related_heading_after_a_short_article_still_ends_it() -> None:
    body = f"{PARA}\nRelated\nPutin visits Hanoi\nKim fires missiles\n"
    assert kept(body) == [PARA]


def test_wire_page_furniture_of_another_shape_is_dropped() -> None:
    lines = [
        "World › Asia",
        "Kim meets Shoigu in Pyongyang",
        "Updated 10:32 AM EDT, Thu June 5, 2025",
        "Link Copied!",
        "Kim Jong Un greets Sergei Shoigu in Pyongyang. (Photo: KCNA/Reuters)",
        PARA,
        "___",
        PARA2,
        "Associated Press writer Jane Doe in Seoul contributed to this report.",
        "Explore more on these topics",
        "North Korea",
        "Russia",
    ]
    body = "\n".join(lines)
    assert kept(body) == ["Kim meets Shoigu in Pyongyang", PARA, PARA2]


def test_short_article_followed_by_long_related_stories_ends_at_the_heading() -> None:
    related = "\n".join(f"Outlet {i}\n{i} hours ago\n{PARA2} Story {i}." for i in range(12))
    body = f"Kim meets Shoigu\n{PARA}\nRelated Articles\n{related}\n"
    assert kept(body) == ["Kim meets Shoigu", PARA]


def test_trailing_start_is_where_the_first_trailing_section_begins() -> None:
    body = f"{PARA}\n{PARA2}\nRelated Articles\nOther story\n"
    assert furniture.trailing_start(body) == body.index("Related Articles")
    assert furniture.trailing_start(f"{PARA}\n") == len(PARA) + 1
