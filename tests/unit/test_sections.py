"""The numbered structure of a plan: section paths, items, lines joined into paragraphs."""

from extraction.sections import parse_outline, section_label

PLAN = """II. NHIỆM VỤ
1. Công tác tuyên truyền
1.1. Nội dung
Tuyên truyền sâu rộng về chủ đề năm trong cán bộ, đảng viên
và Nhân dân toàn tỉnh.
1.2.1. Sở Thông tin và Truyền thông
- Hướng dẫn các cơ quan báo chí.
+ Mở chuyên mục riêng.
2 Công tác kiểm tra
a) Kiểm tra định kỳ.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ: theo dõi, đôn đốc."""


def _outline():
    return parse_outline(PLAN.split("\n"))


def test_decimal_numbers_are_read_under_their_roman_section():
    labels = [p.label for p in _outline().paragraphs if p.numbered]
    assert labels == ["II", "II.1", "II.1.1", "II.1.2.1", "II.2", "III", "III.1"]


def test_a_line_starting_in_lower_case_continues_the_paragraph_above():
    paragraph = next(p for p in _outline().paragraphs if p.text.startswith("Tuyên truyền"))
    assert paragraph.text.endswith("và Nhân dân toàn tỉnh.")
    assert (paragraph.first_line, paragraph.last_line) == (4, 5)


def test_bullets_and_letters_are_items_of_the_current_section():
    items = [
        (p.kind, p.marker, p.depth, p.label) for p in _outline().paragraphs if not p.numbered and p.marker
    ]
    assert items == [
        ("bullet", "-", 1, "II.1.2.1"),
        ("bullet", "+", 2, "II.1.2.1"),
        ("letter", "a", 0, "II.2"),
    ]


def test_a_number_that_lost_its_dot_counts_only_as_the_next_top_level_number():
    outline = parse_outline(["1. Một", "7 Bảy người tham dự", "2 Hai"])
    assert [p.label for p in outline.paragraphs if p.numbered] == ["1", "2"]


def test_titles_are_kept_for_each_numbered_section():
    outline = _outline()
    assert outline.title_chain(("II", "1", "1")) == ["Nội dung", "Công tác tuyên truyền", "NHIỆM VỤ"]
    assert section_label(("I", "2", "3")) == "I.2.3"


def test_a_sentence_cut_by_a_page_break_is_joined_and_a_footnote_skipped():
    lines = [
        "- Triển khai đồng bộ các giải pháp để nâng cao chất lượng dịch vụ công trực tuyến toàn trình, "
        "giảm thời gian giải quyết hồ sơ cho người dân và doanh nghiệp trên địa bàn các huyện",
        "¹ Chú thích ở cuối trang.",
        "Lâm Hà. Hoàn thành trong quý II.",
    ]
    paragraphs = parse_outline(lines).paragraphs
    assert len(paragraphs) == 1
    assert paragraphs[0].text.endswith("Lâm Hà. Hoàn thành trong quý II.")
