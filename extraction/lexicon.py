"""Vietnamese words that shape assignments: unit heads, words inside unit names, and predicates.

The lists are general administrative Vietnamese (party, People's Committee and Government texts),
lower-case, new tone placement. They are not tuned to any one document.
"""

from __future__ import annotations

# fmt: off
# Words that open a list of units without being part of a unit's name.
QUANTIFIERS = (
    "tất cả các", "toàn thể", "các", "mỗi", "từng", "những", "100%",
    "quý",  # "Đề nghị Quý cơ quan, đơn vị ...": a letter's polite "you", its addressees
)

# Heads that name one body when followed by a proper name ("Ban Tuyên giáo", "Sở Nội vụ"), or a
# kind of body after a quantifier ("các ban", "các sở"). Alone they are ordinary words ("ban hành",
# "báo cáo", "phòng, chống", "hội nghị", "trường hợp"), so they need one of the two.
NAMED_HEADS = (
    "ban", "sở", "phòng", "cục", "chi cục", "tổng cục", "vụ", "viện", "học viện", "trung tâm", "trường",
    "đài", "báo", "tạp chí", "bộ", "hội", "đoàn", "liên đoàn", "công đoàn", "ngân hàng", "kho bạc",
    "công ty", "tổng công ty", "tập đoàn", "bệnh viện", "đại học", "chi nhánh", "cảng vụ", "tòa án",
    "thanh tra", "bộ chỉ huy", "bộ tư lệnh", "liên minh", "hiệp hội", "nhà xuất bản", "đảng ủy", "ủy ban",
    "tổ đại biểu", "đoàn đại biểu", "tổ công tác", "trạm", "thông tấn xã", "quỹ", "đồn",
    "liên hiệp các hội", "liên hiệp các tổ chức",  # "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"
    # a school's and a university's own bodies: "Tổ Ngữ văn", "Khoa Luật", "Bộ môn Toán", "Chi đoàn Giáo viên"
    "tổ", "khoa", "bộ môn", "chi đoàn", "chi hội", "phân hiệu", "liên chi đoàn",
    "đội",  # a police, fire or market-control team: "Đội Cảnh sát giao thông", "Đội Quản lý thị trường số 3"
)

# Phrases that open with a head's word but name no body: "Tổ quốc", "khoa học", "phòng, chống" (to prevent
# and fight). Inside a name they are its words ("Ban Chỉ đạo phòng, chống tham nhũng").
NOT_HEADS = (
    "tổ chức", "tổ quốc", "tổ tiên", "khoa học", "phòng, chống", "phòng chống", "phòng ngừa", "phòng tránh",
)

# Heads that are a unit (or a kind of units) by themselves.
INSTITUTION_HEADS = (
    "ban chỉ đạo", "ban cán sự đảng", "ban thường vụ", "ban chấp hành", "ban bí thư", "ban quản lý",
    "bộ chính trị", "ủy ban nhân dân", "hội đồng nhân dân", "ủy ban kiểm tra", "mặt trận tổ quốc",
    "văn phòng", "đảng đoàn", "đảng ủy", "đảng bộ", "huyện ủy", "quận ủy", "thành ủy", "tỉnh ủy", "thị ủy",
    "thành đoàn", "tỉnh đoàn", "huyện đoàn", "quốc hội", "chính phủ", "trung ương", "thường trực",
    "công an", "viện kiểm sát", "bảo hiểm xã hội", "ubnd", "hđnd", "mttq", "btv", "bch", "ubkt", "tu", "hu",
    "qu", "đảng ủy khối", "hội đồng", "cổng thông tin điện tử", "bộ đội biên phòng", "kiểm toán nhà nước",
    # a school's own bodies, named by what they are rather than by a proper name
    "đoàn trường", "công đoàn trường", "liên đội", "ban giám hiệu", "ban đại diện cha mẹ học sinh",
    "hội cha mẹ học sinh", "ban giám đốc", "ban chủ nhiệm", "ký túc xá", "thư viện",
    # the office of every province and commune since 2025, named by its work in lower case
    "trung tâm phục vụ hành chính công",
)

# Heads that stand for many bodies of a kind: a unit made of them is a group.
GENERIC_HEADS = (
    "cấp ủy", "tổ chức cơ sở đảng", "tổ chức đảng", "tổ chức chính trị - xã hội", "tổ chức thành viên",
    "chi bộ", "đảng bộ", "chính quyền", "cơ quan", "đơn vị", "địa phương", "đoàn thể", "sở, ngành", "ngành",
    "doanh nghiệp", "hợp tác xã", "trường học", "quận", "huyện", "thị xã", "thành phố", "xã", "phường",
    "thị trấn", "ban, ngành", "quận ủy", "huyện ủy", "đảng ủy", "cơ sở", "ban", "sở",
    "tổ chuyên môn", "lớp", "khoa", "bộ môn", "chi đoàn",
    "chi, đảng bộ",  # "các chi, đảng bộ cơ sở": the chi bộ and đảng bộ, "bộ" written once
    "đặc khu",  # the island level beside xã and phường since 2025
    "chủ đầu tư", "thôn", "tổ dân phố", "khu dân cư",
)

# "tổ chức" is a noun ("tổ chức đảng") only before these words, else a verb ("tổ chức hội nghị").
ORGANISATION_NOUN_NEXT = (
    "đảng", "chính trị", "cơ sở", "thành viên", "hội", "đoàn thể", "xã hội",
)

# Titles of the person at the head of a body: "Giám đốc Sở Y tế" is told what the Sở is to do.
OFFICE_HOLDERS = (
    "tổng giám đốc", "giám đốc", "chủ tịch", "thủ trưởng", "người đứng đầu", "bí thư", "trưởng",
    "bộ trưởng", "hiệu trưởng",
)

# Party bodies whose work is to lead (lãnh đạo) other bodies: under one of them "Lãnh đạo UBND tỉnh ..." is
# that work, not the UBND's leaders.
PARTY_COMMITTEES = (
    "đảng đoàn", "ban cán sự đảng", "ban thường vụ", "ban chấp hành", "thường trực", "cấp ủy", "đảng ủy",
    "huyện ủy", "quận ủy", "thị ủy", "thành ủy", "tỉnh ủy", "chi ủy", "chi bộ",
)

# People addressed as a category; taken as units only where a list item or paragraph opens.
PERSON_HEADS = (
    "cá nhân", "cán bộ", "đảng viên", "lãnh đạo", "người đứng đầu", "thủ trưởng", "các đồng chí",
    "đồng chí", "ủy viên", "chủ tịch", "giám đốc", "bí thư", "công chức", "viên chức", "đoàn viên",
    "hội viên", "đại biểu", "trưởng", "bộ trưởng", "hiệu trưởng",
    # deputies, and a school's staff
    "phó chủ tịch", "phó giám đốc", "phó bí thư", "phó trưởng", "phó hiệu trưởng", "hiệu phó",
    "phó thủ trưởng",
    "giáo viên chủ nhiệm", "giáo viên", "giảng viên", "cố vấn học tập", "tổ trưởng", "tổ phó",
    "tổng phụ trách đội", "nhân viên",
)

# People by the kind of post they hold: capitalised after "và" they go on a body's name ("Cục Nhà giáo
# và Cán bộ quản lý giáo dục"), unlike a body's head ("... và Chủ tịch UBND huyện").
STAFF = ("cán bộ", "công chức", "viên chức", "đảng viên", "đoàn viên", "hội viên", "người lao động")

# Lower-case words that occur inside unit names after the head.
NAME_WORDS = (
    "trực thuộc", "thuộc", "có liên quan", "liên quan", "các cấp", "cấp tỉnh", "cấp huyện", "cấp xã", "cấp",
    "thành phố", "tỉnh", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "trung ương", "địa phương",
    "đảng", "cán sự", "nhân dân", "chính trị - xã hội", "chính trị", "xã hội", "báo chí", "thành viên",
    "đơn vị", "cơ quan", "ngành", "sở", "ban", "chuyên môn", "của", "khối", "cơ sở", "đoàn thể", "hội",
    "chính quyền", "viên chức", "công chức", "cán bộ", "đảng viên", "đoàn viên", "hội viên", "quân sự",
    "tuyên giáo", "dân vận", "thường trực", "thường vụ", "chấp hành", "nhà nước", "doanh nghiệp",
    "trên địa bàn", "nông thôn", "ủy", "tham mưu, giúp việc", "giúp việc", "người lao động",
    "người đứng đầu", "tổ quốc", "việt nam", "tự quản", "đồng chí", "ủy viên", "chi bộ", "đảng bộ",
    "cấp ủy", "đảng ủy", "huyện ủy", "quận ủy", "tỉnh ủy", "thành ủy", "hành chính", "sự nghiệp",
    "công lập", "ngoài công lập", "trường học", "biên phòng", "đặc khu", "nông thôn mới", "ngang bộ",
    "hành chính công", "giao thông", "trung học phổ thông", "trung học cơ sở", "tiểu học", "mầm non",
    "phổ thông", "chi nhánh", "khu dân cư", "trường", "nhà trường",
)

# Words of a name whose second syllable alone is a verb of PREDICATES ("giao", "ký", "cử", "trình"):
# capitalised they are one word of the name ("Bộ Ngoại giao", "Văn phòng Đăng ký đất đai", "Ủy ban Bầu cử").
VERB_SYLLABLE_WORDS = (
    "ngoại giao", "đăng ký", "bầu cử", "công trình", "chương trình", "công nghệ thông tin", "cán bộ quản lý",
    "hậu cần",  # "cần" (need): "Cục Hậu cần", "Phòng Hậu cần - Kỹ thuật"
)

# Levels of schools: after a comma or "và" they go on naming schools of one head ("Các trường mầm non, tiểu
# học, trung học cơ sở"), where a kind of body would need a head of its own.
SCHOOL_LEVELS = (
    "mầm non", "tiểu học", "trung học cơ sở", "trung học phổ thông", "phổ thông dân tộc nội trú",
    "phổ thông", "trung học",
)

# Words that may follow "và" inside one name ("Phát thanh và Truyền hình", "Giáo dục và đào tạo").
FIELD_WORDS = (
    "đào tạo", "phát triển nông thôn", "phát triển", "truyền hình", "môi trường", "xã hội", "du lịch",
    "thể thao", "công nghệ", "truyền thông", "đầu tư", "thương binh", "kế hoạch", "thông tin",
)

# Lower-case nouns of the field a body deals with, inside its name after a capitalised word: "Tổ Tư vấn
# tâm lý học đường", "Phòng Cảnh sát điều tra tội phạm về ma túy", "Phòng Cảnh sát phòng cháy, chữa cháy
# và cứu nạn, cứu hộ", "Trung tâm Công tác xã hội trẻ em". They are not among the few ordinary words a name
# may carry before what the unit does, and a comma, "và" or "về" between two of them joins one name.
FIELD_NOUNS = (
    "tâm lý", "học đường", "điều tra tội phạm", "tội phạm", "ma túy", "hình sự", "kinh tế", "phòng cháy",
    "chữa cháy", "cứu nạn", "cứu hộ", "trật tự", "an ninh", "an toàn", "môi trường", "công nghệ cao",
    "buôn lậu", "tham nhũng", "trẻ em", "gia đình", "bình đẳng giới", "sức khỏe", "dinh dưỡng", "dân số",
    "thủy sản", "thủy lợi", "lâm nghiệp", "đất đai", "khoáng sản", "biển đảo", "hải đảo", "thực phẩm",
    "bệnh tật", "thiên tai", "dân sự", "người cao tuổi", "người khuyết tật",
)

# What picks out some of a kind of bodies after their level ("Ủy ban nhân dân các xã bị ảnh hưởng", "các
# huyện có đê"): words of the group's name, though their first is a verb ("bị", "có").
GROUP_QUALIFIERS = (
    "bị ảnh hưởng", "chịu ảnh hưởng", "bị thiệt hại", "bị ngập lụt", "bị sạt lở", "bị hạn hán",
    "có đê", "có rừng", "có biển", "có đường biên giới", "có nguy cơ cao",
)

# Verbs by which a deputy is told apart by the work they answer for ("Phó Giám đốc phụ trách chuyên môn",
# "Phó Hiệu trưởng phụ trách công tác học sinh"): their portfolio goes on the title.
PORTFOLIO_VERBS = ("phụ trách",)

# After a unit's name: the body of the same level as another named in the sentence ("Ban Chỉ huy Quân sự
# các xã phối hợp với Công an cùng cấp"), not a body of its own.
SAME_LEVEL = ("cùng cấp",)

# Words that begin what a unit does: the unit's name ends before them.
PREDICATES = (
    "chủ trì", "phối hợp", "tham gia", "tham mưu", "xây dựng", "tổ chức", "triển khai", "thực hiện",
    "hướng dẫn", "chỉ đạo", "lãnh đạo", "ban hành", "rà soát", "theo dõi", "kiểm tra", "giám sát",
    "đôn đốc", "báo cáo", "đăng ký", "biên soạn", "phát hành", "cụ thể hóa", "quán triệt", "tuyên truyền",
    "nghiên cứu", "đề xuất", "trình", "phê duyệt", "bố trí", "bảo đảm", "đảm bảo", "nâng cao", "đổi mới",
    "dành", "lựa chọn", "phát huy", "nêu gương", "quan tâm", "thường xuyên", "kịp thời", "sớm", "đề nghị",
    "yêu cầu", "giao", "hoàn thành", "duy trì", "cập nhật", "sơ kết", "tổng kết", "đánh giá", "xử lý",
    "giải quyết", "phân công", "chuẩn bị", "thông tin", "tiến hành", "vận động", "tập hợp", "khảo sát",
    "lập", "thẩm định", "có", "cần", "phải", "nên", "sẽ", "đã", "đang", "được", "bị", "tiếp tục",
    "tập trung", "tăng cường", "đẩy mạnh", "chủ động", "khẩn trương", "tích cực", "chịu trách nhiệm",
    "căn cứ", "là", "gồm", "cùng", "luôn", "đều", "hoàn thiện", "củng cố", "kiện toàn", "quyết liệt",
    "nghiêm túc", "phấn đấu", "khắc phục", "tháo gỡ", "ưu tiên", "hỗ trợ", "quản lý", "cung cấp",
    "phổ biến", "học tập", "biểu dương", "khen thưởng", "phát động", "gửi", "nộp", "tổng hợp", "xác định",
    "thẩm tra", "ký", "cử", "mở", "rà", "đưa", "vận hành", "theo", "tại", "trong", "về", "để", "nhằm",
    "với", "vào", "thống nhất", "bám sát", "định hướng", "tuyên dương", "kết nạp", "đầu tư", "huy động",
    "sử dụng", "cải cách", "sắp xếp", "đề ra", "ứng dụng", "thúc đẩy", "mở rộng", "nắm", "chấn chỉnh",
    "thẩm", "soạn thảo", "dự thảo", "lấy", "phản ánh", "phụ trách",
    "tuần tra", "kiểm soát", "truy quét", "trấn áp", "thống kê", "tiếp nhận",
)

# Bodies named by what they deal with or where they sit take a phrase after their name: "Ban Chỉ đạo tỉnh
# về chuyển đổi số", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "Văn phòng đại diện Bộ X tại ...",
# "Ban Quản lý dự án đầu tư xây dựng ... tỉnh". By the word that opens the phrase ("" for any word that
# would otherwise end the name), the words of the name before it that let it take one.
NAME_COMPLEMENTS = {
    "về": (
        "ban chỉ đạo", "ủy ban quốc gia", "hội đồng quốc gia", "hội đồng tư vấn", "tổ công tác", "tiểu ban",
    ),
    "tại": ("đại diện", "thường trú", "chi nhánh", "quản lý vốn"),
    "": ("ban quản lý dự án", "ban chỉ đạo"),
}

# What a name's phrase ends with when its unit is the subject: a role, or a colon after a heading's unit.
ROLE_WORDS = (
    "chủ trì", "phối hợp", "tham gia", "có trách nhiệm", "chịu trách nhiệm", "là cơ quan", "làm đầu mối",
)

# Places and papers that a "tại"/"về" phrase after a unit's name points to: the sentence's, not the name's.
NOT_NAME_COMPLEMENTS = (
    "hội nghị", "cuộc họp", "buổi", "kỳ họp", "phiên họp", "văn bản", "công văn", "quyết định", "kế hoạch",
    "thông báo", "tờ trình", "báo cáo", "nghị quyết", "chỉ thị", "kết luận", "hướng dẫn", "điều", "khoản",
    "phụ lục", "địa bàn", "cơ sở", "địa phương", "trụ sở", "việc", "kết quả", "tình hình", "tiến độ",
)

# Sentence openers to skip before a subject: connectives, not part of the subject.
CONNECTIVES = (
    "đồng thời,", "đồng thời", "trong đó,", "ngoài ra,", "bên cạnh đó,", "mặt khác,", "theo đó,",
    "trên cơ sở đó,", "cùng với đó,", "từ đó,", "đối với",
)

# Verbs that address a unit: "Đề nghị X ...", "Giao X ...", "Yêu cầu X ...".
ADDRESSING = (
    "đề nghị", "giao cho", "giao", "yêu cầu", "phân công", "ủy quyền cho", "ủy quyền",
    "rất mong",  # a letter's polite request: "Rất mong Quý cơ quan quan tâm, phối hợp ..."
)

# Top-level section titles that tell of results, context or purpose rather than assign work.
NARRATIVE_TITLES = (
    "kết quả", "tình hình", "đánh giá", "mục đích", "yêu cầu", "quan điểm", "bối cảnh", "căn cứ",
    "sự cần thiết", "chủ đề", "chỉ tiêu", "mục tiêu", "nội dung của chuyên đề", "văn bản chỉ đạo",
    "hạn chế", "nguyên nhân", "bài học", "đối tượng", "thành phần",
)

TASK_TITLES = (
    "nhiệm vụ", "giải pháp", "tổ chức thực hiện", "phân công", "trách nhiệm", "hình thức",
)

# fmt: on
