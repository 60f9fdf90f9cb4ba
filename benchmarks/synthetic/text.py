"""A synthetic plan written out as the text of a plan document, in the layout of provincial plans.

Header (the issuing committees, the number, "ĐẢNG CỘNG SẢN VIỆT NAM", place and date), title, the
plan it implements, "I. MỤC ĐÍCH, YÊU CẦU", then "II. NHIỆM VỤ, GIẢI PHÁP" with one numbered
section per section of the plan, each written in one of three ways real plans use:

- clauses: "- X chủ trì, phối hợp với Y và Z <việc>. Thời gian: <hạn>."
- blocks: "a) <Việc>." then "- Cơ quan chủ trì: X.", "- Cơ quan phối hợp: Y, Z.",
  "- Thời gian hoàn thành: <hạn>."
- parentheses: "a) <Việc> (X chủ trì, phối hợp với Y; <hạn>)."

then "III. TỔ CHỨC THỰC HIỆN", the recipients and the signature. Every unit, role and deadline of
the plan is in the text, so extraction can be scored against the generator (tests/unit).
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from benchmarks.synthetic import wording
from benchmarks.synthetic.plans import PlanSpec, TaskSpec

STYLES = ("clauses", "blocks", "parentheses")
LETTERS = "abcdefghiklmnopqrstuvxy"
SIGNERS = ("Nguyễn Văn An", "Trần Thị Bích", "Lê Quang Huy", "Phạm Minh Tuấn", "Võ Thị Lan", "Đặng Hữu Phước")


def plan_text(spec: PlanSpec) -> str:
    rng = random.Random(f"text:{spec.index}:{spec.number}")
    lines = [*_header(spec), *_purpose(spec), "II. NHIỆM VỤ, GIẢI PHÁP"]
    for number, title in enumerate(spec.sections, start=1):
        tasks = [t for t in spec.tasks if t.section == f"II.{number}"]
        lines.append(f"{number}. {title}")
        lines += _section(rng.choice(STYLES), tasks)
    lines += _closing(spec, rng)
    return "\n".join(lines) + "\n"


def _header(spec: PlanSpec) -> Iterator[str]:
    level = spec.level
    if level.suffix == "TU":
        yield f"THÀNH ỦY {level.place.upper()}"
    elif level.suffix == "HU":
        yield f"HUYỆN ỦY {level.place.upper()}"
    else:
        yield f"ĐẢNG ỦY XÃ {level.place.upper()}"
    yield "*"
    yield f"Số {spec.number}"
    yield ""
    yield "ĐẢNG CỘNG SẢN VIỆT NAM"
    yield ""
    yield f"{level.place}, ngày {spec.issued.day:02d} tháng {spec.issued.month:02d} năm {spec.issued.year}"
    yield ""
    yield "KẾ HOẠCH"
    yield f"Thực hiện {spec.topic} năm {spec.year}"
    yield "-----"


def _purpose(spec: PlanSpec) -> Iterator[str]:
    if spec.parent is not None:
        number, issued, issuer = spec.parent
        yield (
            f"Thực hiện Kế hoạch số {number}, ngày {issued.day:02d}/{issued.month:02d}/{issued.year} của "
            f"{issuer} về {spec.topic}, {spec.level.issuer} xây dựng Kế hoạch thực hiện như sau:"
        )
    else:
        issuer = spec.level.issuer
        yield f"Để lãnh đạo, chỉ đạo {spec.topic} năm {spec.year}, {issuer} ban hành Kế hoạch như sau:"
    yield "I. MỤC ĐÍCH, YÊU CẦU"
    yield "1. Mục đích"
    yield f"- Tạo chuyển biến rõ nét trong nhận thức và hành động của cán bộ, đảng viên về {spec.topic}."
    yield "2. Yêu cầu"
    yield "- Xác định rõ nội dung công việc, tiến độ và trách nhiệm; bảo đảm thiết thực, tránh hình thức."


def _section(style: str, tasks: list[TaskSpec]) -> Iterator[str]:
    for position, task in enumerate(tasks):
        letter = LETTERS[position % len(LETTERS)]
        if style == "blocks":
            yield from _block(letter, task)
        elif style == "parentheses":
            yield _parenthesis(letter, task)
        else:
            yield _clause(task)


def _units(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} và {names[-1]}"


def _clause(task: TaskSpec) -> str:
    who = f"{task.lead} chủ trì, phối hợp với {_units(task.participants)}" if task.participants else task.lead
    when = f" Thời gian: {task.deadline}." if task.deadline else ""
    return f"- {who} {task.action}.{when}"


def _block(letter: str, task: TaskSpec) -> Iterator[str]:
    yield f"{letter}) {wording.task_title(task.action)}."
    yield f"- Cơ quan chủ trì: {task.lead}."
    if task.participants:
        yield f"- Cơ quan phối hợp: {', '.join(task.participants)}."
    if task.deadline:
        yield f"- Thời gian hoàn thành: {task.deadline}."


def _parenthesis(letter: str, task: TaskSpec) -> str:
    inside = f"{task.lead} chủ trì"
    if task.participants:
        inside += f", phối hợp với {_units(task.participants)}"
    if task.deadline:
        inside += f"; {task.deadline[:1].lower()}{task.deadline[1:]}"
    return f"{letter}) {wording.task_title(task.action)} ({inside})."


def _closing(spec: PlanSpec, rng: random.Random) -> Iterator[str]:
    yield "III. TỔ CHỨC THỰC HIỆN"
    yield (
        "Kế hoạch này được phổ biến đến chi bộ; trong quá trình thực hiện, nếu có vướng mắc, "
        "kịp thời phản ánh để xem xét, giải quyết."
    )
    yield ""
    yield "Nơi nhận:"
    if spec.parent is not None:
        yield f"- {spec.parent[2]} (để báo cáo),"
    yield f"- Lưu Văn phòng {spec.level.committee}."
    yield ""
    yield "T/M BAN THƯỜNG VỤ"
    yield rng.choice(("BÍ THƯ", "PHÓ BÍ THƯ"))
    yield ""
    yield rng.choice(SIGNERS)
