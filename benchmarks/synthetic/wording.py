"""The words of synthetic plans: topics, section titles and the work each task asks for.

Written for dondoc's benchmarks in the register of provincial plans; no sentence is taken from a
real document. Actions name no unit, role or date: text.py adds those, so that what extraction
reads back is exactly what the generator put in.
"""

from __future__ import annotations

import random

TOPICS = (
    "chuyển đổi số trong cơ quan đảng, chính quyền",
    "cải cách hành chính và nâng cao chỉ số hài lòng của người dân",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "xây dựng nông thôn mới kiểu mẫu",
    "nâng cao chất lượng sinh hoạt chi bộ",
    "bảo vệ môi trường và xử lý rác thải sinh hoạt",
    "phát triển du lịch cộng đồng",
    "đẩy mạnh công tác dân vận ở cơ sở",
    "bảo đảm trật tự an toàn giao thông",
    "phổ biến, giáo dục pháp luật cho thanh niên",
    "chăm sóc sức khỏe ban đầu cho Nhân dân",
    "thu hút đầu tư vào các cụm công nghiệp",
)
SECTIONS = (
    "Công tác lãnh đạo, chỉ đạo",
    "Công tác tuyên truyền, quán triệt",
    "Hoàn thiện cơ chế, chính sách",
    "Hạ tầng, dữ liệu và nguồn lực",
    "Nâng cao chất lượng đội ngũ cán bộ",
    "Kiểm tra, giám sát việc thực hiện",
    "Sơ kết, tổng kết và khen thưởng",
    "Ứng dụng khoa học, công nghệ",
)
VERBS = (
    "tổ chức hội nghị quán triệt",
    "xây dựng kế hoạch triển khai",
    "rà soát, đánh giá thực trạng",
    "biên soạn tài liệu hướng dẫn về",
    "tuyên truyền sâu rộng về",
    "kiểm tra việc thực hiện",
    "tổng hợp kết quả thực hiện",
    "bồi dưỡng kỹ năng cho cán bộ làm công tác",
    "đề xuất giải pháp tháo gỡ khó khăn trong",
    "lựa chọn mô hình điểm về",
    "khảo sát nhu cầu của người dân về",
    "cập nhật cơ sở dữ liệu phục vụ",
    "hoàn thiện quy chế làm việc trong",
    "tổ chức tọa đàm trao đổi kinh nghiệm về",
    "đôn đốc tiến độ các công trình thuộc",
)
OBJECTS = (
    "chuyển đổi số",
    "cải cách thủ tục hành chính",
    "phòng, chống thiên tai",
    "xây dựng nông thôn mới",
    "sinh hoạt chi bộ",
    "thu gom, xử lý rác thải",
    "phát triển du lịch",
    "công tác dân vận",
    "an toàn giao thông",
    "phổ biến pháp luật",
    "chăm sóc sức khỏe",
    "thu hút đầu tư",
    "quản lý đất đai",
    "giáo dục nghề nghiệp",
    "bảo tồn di tích",
    "an sinh xã hội",
)
PURPOSES = (
    "trên địa bàn",
    "tại cơ sở",
    "đến cán bộ chủ chốt",
    "trong các cơ quan, đơn vị",
    "đối với khu dân cư",
    "bảo đảm thiết thực, hiệu quả",
    "gắn với nhiệm vụ chính trị của địa phương",
    "theo đúng quy định",
    "tránh hình thức, chiếu lệ",
    "có lấy ý kiến của người dân",
)


def action(rng: random.Random) -> str:
    """What one task asks for, in lower case: "rà soát, đánh giá thực trạng an sinh xã hội tại cơ sở"."""
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PURPOSES)}"


def task_title(text: str) -> str:
    return text[:1].upper() + text[1:]


def title(topic: str, year: int) -> str:
    return f"Kế hoạch thực hiện {topic} năm {year}"
