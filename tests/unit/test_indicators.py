"""Numeric targets with several figures, without a figure, and their comparators and units."""

from extraction.indicators import Indicator, read_indicator, read_target


def _figures(found: list[Indicator]) -> list[tuple[object, ...]]:
    return [(i.metric, i.value, i.min, i.max, i.unit, i.comparator) for i in found]


def test_parallel_shares_for_several_subjects_are_each_an_indicator_sharing_the_predicate() -> None:
    found = read_target(
        3, "Đến năm 2030, 100% cơ quan cấp tỉnh, 90% cấp huyện và 80% cấp xã dùng chữ ký số trong công việc."
    )
    assert [(i.number, i.metric, i.value, i.unit) for i in found] == [
        (3, "cơ quan cấp tỉnh dùng chữ ký số trong công việc", 100, "%"),
        (3, "cơ quan cấp huyện dùng chữ ký số trong công việc", 90, "%"),
        (3, "cơ quan cấp xã dùng chữ ký số trong công việc", 80, "%"),
    ]


def test_parallel_shares_with_their_own_predicates_keep_them() -> None:
    found = read_target(1, "100% trạm y tế có bác sĩ và 95% trường học có phòng y tế riêng")
    assert [(i.metric, i.value) for i in found] == [
        ("trạm y tế có bác sĩ", 100),
        ("trường học có phòng y tế riêng", 95),
    ]


def test_each_clause_with_a_figure_is_an_indicator() -> None:
    found = read_target(
        4, "Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 95%; tỷ lệ người dân hài lòng đạt trên 90%."
    )
    assert _figures(found) == [
        ("Tỷ lệ hồ sơ giải quyết đúng hạn", 95, None, None, "%", ">"),
        ("tỷ lệ người dân hài lòng", 90, None, None, "%", ">"),
    ]


def test_a_clause_without_a_figure_after_a_semicolon_goes_on_listing_subjects() -> None:
    found = read_target(2, "100% phường, thị trấn; trường học, bệnh viện có điểm truy cập không dây")
    assert [(i.metric, i.value) for i in found] == [
        ("phường, thị trấn; trường học, bệnh viện có điểm truy cập không dây", 100)
    ]


def test_counts_after_and_are_their_own_figures() -> None:
    found = read_target(7, "Kết nạp 150 hội viên mới và thành lập 12 chi hội.")
    assert [(i.metric, i.value, i.unit) for i in found] == [
        ("Kết nạp", 150, "hội viên mới"),
        ("thành lập", 12, "chi hội"),
    ]
    ranges = read_target(8, "Đoàn kiểm tra 04 - 06 chi bộ và 10 - 12 hội viên")
    assert [(i.metric, i.min, i.max, i.unit) for i in ranges] == [
        ("Đoàn kiểm tra", 4, 6, "chi bộ"),
        ("Đoàn kiểm tra", 10, 12, "hội viên"),
    ]


def test_a_breakdown_names_its_parts() -> None:
    found = read_target(
        1, "Vốn đầu tư tăng khoảng 10% so với năm 2025, trong đó: vốn ngân sách tăng 8,5%, vốn khác tăng 12%"
    )
    assert [(i.metric, i.value, i.comparator) for i in found] == [
        ("Vốn đầu tư", 10, "~"),
        ("vốn ngân sách", 8.5, None),
        ("vốn khác", 12, None),
    ]


def test_a_number_that_qualifies_the_metric_is_not_a_figure() -> None:
    found = read_target(5, "Tỷ lệ lao động qua đào tạo từ 12 tháng trở lên có chứng chỉ là 35%.")
    assert _figures(found) == [
        ("Tỷ lệ lao động qua đào tạo từ 12 tháng trở lên có chứng chỉ", 35, None, None, "%", None)
    ]


def test_a_number_inside_a_word_is_not_a_figure() -> None:
    (found,) = read_target(6, "Phủ sóng di động 5G tại 100% thôn, bản")
    assert (found.value, found.unit) == (100, "%")


def test_existential_co_is_not_the_metric() -> None:
    (found,) = read_target(5, "Có ít nhất 05 hợp tác xã kiểu mới được thành lập mỗi năm.")
    assert (found.metric, found.value, found.comparator) == (
        "hợp tác xã kiểu mới được thành lập mỗi năm",
        5,
        ">=",
    )


def test_a_target_without_a_figure_is_one_qualitative_indicator() -> None:
    found = read_target(9, "Có hệ thống thông tin báo cáo kết nối từ tỉnh đến xã; không còn nhà tạm.")
    assert _figures(found) == [
        ("Có hệ thống thông tin báo cáo kết nối từ tỉnh đến xã", None, None, None, None, None)
    ]


def test_verbs_inside_the_name_of_a_metric_do_not_cut_it() -> None:
    growth = read_indicator(1, "Tốc độ tăng trưởng kinh tế bình quân từ 6,5 - 7%/năm.")
    assert (growth.metric, growth.min, growth.max, growth.unit) == (
        "Tốc độ tăng trưởng kinh tế bình quân",
        6.5,
        7,
        "%",
    )
    about = read_indicator(2, "Tốc độ tăng tổng sản phẩm khoảng 7-8%.")
    assert (about.metric, about.min, about.max, about.comparator) == ("Tốc độ tăng tổng sản phẩm", 7, 8, "~")
    villages = read_indicator(3, "Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao tối đa 60%")
    assert (villages.metric, villages.value, villages.comparator) == (
        "Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao",
        60,
        "<=",
    )


def test_the_when_and_the_direction_are_not_part_of_the_metric() -> None:
    share = read_indicator(1, "Đến năm 2030, tỷ lệ đô thị hóa đạt trên 45%")
    assert (share.metric, share.value, share.comparator) == ("tỷ lệ đô thị hóa", 45, ">")
    poor = read_indicator(2, "Giảm tỷ lệ hộ cận nghèo xuống dưới 1,5%.")
    assert (poor.metric, poor.value, poor.comparator) == ("Giảm tỷ lệ hộ cận nghèo", 1.5, "<")


def test_at_least_or_at_most_after_the_unit() -> None:
    up = read_indicator(1, "Năng suất lao động tăng 6,5% trở lên")
    down = read_indicator(2, "Tỷ lệ thất nghiệp ở mức 3% trở xuống")
    assert (up.comparator, down.comparator) == (">=", "<=")


def test_comparators_and_units_before_and_after_the_figure() -> None:
    # regression guard: these already read right before targets could hold several figures
    found = [
        read_indicator(1, "Tỷ lệ trẻ em được tiêm đủ mũi không dưới 95%"),
        read_indicator(2, "Thu nhập bình quân đầu người đạt 85,5 triệu đồng/người/năm"),
        read_indicator(3, "Mật độ dân số không quá 1.200 người/km²"),
        read_indicator(4, "Kim ngạch xuất khẩu đạt 1,25 tỷ USD"),
    ]
    assert [(i.value, i.unit, i.comparator) for i in found] == [
        (95, "%", ">="),
        (85.5, "triệu đồng/người/năm", None),
        (1200, "người/km²", "<="),
        (1.25, "tỷ USD", None),
    ]
