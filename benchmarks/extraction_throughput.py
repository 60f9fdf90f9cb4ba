"""Throughput of text normalisation and deadline finding over Vietnamese text, in MB/s on one core.

Reads the seed documents from ../shared/seeds (beside the repository) when they are there and repeats
them in memory to about 4 MB; otherwise it generates plan-like text with about as many deadline phrases
as real plans have. A second, dense text (a deadline phrase in every sentence) gives the worst case.
Prints `name value unit` lines.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extraction.deadlines import find_deadlines  # noqa: E402
from extraction.normalize import normalize_document  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
TARGET_BYTES = 4_000_000
_WORDS = (
    "các cấp ủy đảng",
    "Ban Tuyên giáo Thành ủy",
    "chủ trì, phối hợp với",
    "tổ chức học tập",
    "báo cáo kết quả",
    "các cơ quan, đơn vị",
    "tuyên truyền sâu rộng",
    "Chuyên đề năm 2024",
    "nâng cao hiệu quả",
    "thực hiện nghiêm túc",
    "Mặt trận Tổ quốc Việt Nam",
    "các tầng lớp Nhân dân",
)
# Dates that are no deadlines, about as often as plans cite other documents and anniversaries.
_OTHER_DATES = (
    "Thực hiện Kế hoạch số 96-KH/TU, ngày 30/11/2021",
    "đến năm 2030, tầm nhìn đến năm 2045",
    "kỷ niệm 65 năm (31/3/1959 - 31/3/2024)",
)
_DEADLINES = (
    "Thời gian thực hiện: trước ngày 10/4/2024",
    "Dự kiến tháng 9/2024",
    "trong quý I năm 2023",
    "hằng tháng",
    "chậm nhất năm 2026",
    "vào dịp cuối năm 2023",
)


def generated_text(deadline_every: int) -> str:
    """Plan-like sentences; one in `deadline_every` ends with a deadline phrase."""
    pick = random.Random(7).choice
    sentences = []
    for number in range(4000):
        words = " ".join(pick(_WORDS) for _ in range(12))
        if number % 15 == 0:
            words = f"{pick(_OTHER_DATES)} {words}"
        sentences.append(f"{words}, {pick(_DEADLINES)}." if number % deadline_every == 0 else f"{words}.")
    return "\n".join(sentences)


def repeated(base: str) -> str:
    return "\n".join([base] * max(1, TARGET_BYTES // len(base.encode("utf-8"))))


def sample_text() -> tuple[str, str]:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if seeds:
        return repeated("\n".join(path.read_text(encoding="utf-8") for path in seeds)), "seeds"
    return repeated(generated_text(deadline_every=40)), "generated"


def rate(step: Callable[[str], object], text: str) -> float:
    size = len(text.encode("utf-8")) / 1e6
    began = time.perf_counter()
    step(text)
    return size / (time.perf_counter() - began)


def main() -> None:
    text, source = sample_text()
    normalised = normalize_document(text)
    find_deadlines(normalised[:20_000], year=2024)  # load the holiday calendars before timing
    print(f"text_size {len(text.encode('utf-8')) / 1e6:.2f} MB ({source})")
    print(f"normalize_document {rate(normalize_document, text):.2f} MB/s")
    print(f"find_deadlines {rate(lambda t: find_deadlines(t, year=2024), normalised):.2f} MB/s")
    both = rate(lambda t: find_deadlines(normalize_document(t), year=2024), text)
    print(f"normalize_and_find_deadlines {both:.2f} MB/s")
    print(f"deadlines_found {len(find_deadlines(normalised, year=2024))} phrases")
    dense = normalize_document(repeated(generated_text(deadline_every=1)))
    print(f"find_deadlines_dense {rate(lambda t: find_deadlines(t, year=2024), dense):.2f} MB/s")


if __name__ == "__main__":
    main()
