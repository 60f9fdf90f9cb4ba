"""The invented province a synthetic data set lives in: one city, its districts, their communes, and
every unit a plan may name there.

Levels as in real lineage (Trung ương → Thành ủy → Huyện ủy → Đảng ủy xã): the city's standing
committee issues a plan, each district's committee implements it, each commune's implements its
district's. Sizes are drawn from the seed: 15–30 districts, 15–30 communes each (so every group unit
has 15–30 members, as "các quận ủy, huyện ủy" or "các đảng ủy xã, thị trấn" do in real plans).

Group units, with their members (models.units): the districts' committees (city level), the city's
departments (city level), each district's communes' committees and each district's offices. The
store keeps one assignment row for a group; reminders and feeds fan it out to the members.
Place names are made of two syllables from a fixed list, so they are Vietnamese-looking, unique and
invented.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

from models.units import Unit

SYLLABLES = (
    "An",
    "Bình",
    "Tân",
    "Phú",
    "Hòa",
    "Lạc",
    "Đông",
    "Tây",
    "Thịnh",
    "Hưng",
    "Vĩnh",
    "Long",
    "Phước",
    "Mỹ",
    "Thuận",
    "Lộc",
    "Quang",
    "Minh",
    "Hải",
    "Sơn",
    "Lâm",
    "Trung",
    "Hiệp",
    "Khánh",
    "Định",
    "Xuân",
    "Thanh",
    "Đức",
    "Lợi",
    "Cát",
    "Ninh",
    "Gia",
    "Kiến",
    "Yên",
    "Hà",
    "Châu",
)

CITY_OFFICES = (
    "Ban Tuyên giáo Thành ủy",
    "Ban Tổ chức Thành ủy",
    "Văn phòng Thành ủy",
    "Ủy ban Kiểm tra Thành ủy",
    "Ban Dân vận Thành ủy",
    "Ban Nội chính Thành ủy",
)
CITY_DEPARTMENTS = (
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Kế hoạch và Đầu tư",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Tư pháp",
    "Sở Xây dựng",
    "Sở Giao thông vận tải",
    "Sở Công Thương",
    "Sở Thông tin và Truyền thông",
    "Sở Văn hóa và Thể thao",
    "Sở Du lịch",
    "Sở Tài nguyên và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Thanh tra thành phố",
    "Công an thành phố",
    "Bộ Chỉ huy Quân sự thành phố",
    "Đài Phát thanh và Truyền hình thành phố",
    "Báo Thành phố",
    "Ban Quản lý các khu công nghiệp thành phố",
    "Cục Thuế thành phố",
    "Bảo hiểm xã hội thành phố",
    "Sở Ngoại vụ",
    "Trường Chính trị thành phố",
)
DISTRICT_OFFICES = (
    "Ban Tuyên giáo Huyện ủy {d}",
    "Ban Tổ chức Huyện ủy {d}",
    "Văn phòng Huyện ủy {d}",
    "Ủy ban Kiểm tra Huyện ủy {d}",
    "Ban Dân vận Huyện ủy {d}",
)
DISTRICT_DEPARTMENTS = (
    "Phòng Nội vụ huyện {d}",
    "Phòng Tài chính - Kế hoạch huyện {d}",
    "Phòng Giáo dục và Đào tạo huyện {d}",
    "Phòng Văn hóa và Thông tin huyện {d}",
    "Phòng Tư pháp huyện {d}",
    "Phòng Y tế huyện {d}",
    "Phòng Kinh tế và Hạ tầng huyện {d}",
    "Phòng Tài nguyên và Môi trường huyện {d}",
    "Phòng Lao động - Thương binh và Xã hội huyện {d}",
    "Phòng Nông nghiệp và Phát triển nông thôn huyện {d}",
    "Thanh tra huyện {d}",
    "Công an huyện {d}",
    "Ban Chỉ huy Quân sự huyện {d}",
    "Trung tâm Văn hóa - Thể thao huyện {d}",
    "Trung tâm Chính trị huyện {d}",
    "Chi cục Thuế huyện {d}",
    "Bảo hiểm xã hội huyện {d}",
    "Trung tâm Y tế huyện {d}",
)
COMMUNE_UNITS = (
    "Ủy ban nhân dân xã {c}",
    "Ủy ban Mặt trận Tổ quốc Việt Nam xã {c}",
    "Đoàn Thanh niên xã {c}",
    "Hội Liên hiệp Phụ nữ xã {c}",
    "Hội Nông dân xã {c}",
    "Công an xã {c}",
)
CITY_COMMITTEE = "Ban Thường vụ Thành ủy"
DISTRICTS_GROUP = "Các quận ủy, huyện ủy trực thuộc Thành ủy"
DEPARTMENTS_GROUP = "Các sở, ban, ngành thành phố"


@dataclass(frozen=True)
class District:
    name: str
    committee: str  # "Huyện ủy X": the party committee, issuer of the district's plans
    offices: tuple[str, ...]  # party offices and the district's departments
    departments: tuple[str, ...]
    communes: tuple[Commune, ...]
    communes_group: str
    departments_group: str


@dataclass(frozen=True)
class Commune:
    name: str
    committee: str  # "Đảng ủy xã X"
    units: tuple[str, ...]


@dataclass(frozen=True)
class World:
    city: str
    offices: tuple[str, ...]  # the city's party offices and departments
    districts: tuple[District, ...]
    units: tuple[Unit, ...] = field(repr=False)

    def registry_size(self) -> int:
        return len(self.units)


def place_names(rng: random.Random, count: int) -> list[str]:
    names = [f"{a} {b}" for a, b in itertools.permutations(SYLLABLES, 2)]
    return rng.sample(names, count)


def build_world(seed: int) -> World:
    """The same seed, the same province."""
    rng = random.Random(f"world:{seed}")
    count = rng.randint(15, 30)
    sizes = [rng.randint(15, 30) for _ in range(count)]
    names = place_names(rng, 1 + count + sum(sizes))
    city, district_names, commune_names = names[0], names[1 : count + 1], iter(names[count + 1 :])
    departments = CITY_DEPARTMENTS[: rng.randint(15, len(CITY_DEPARTMENTS))]
    districts = []
    for name, size in zip(district_names, sizes, strict=True):
        communes = tuple(_commune(next(commune_names)) for _ in range(size))
        kept = tuple(
            d.format(d=name) for d in DISTRICT_DEPARTMENTS[: rng.randint(15, len(DISTRICT_DEPARTMENTS))]
        )
        districts.append(
            District(
                name=name,
                committee=f"Huyện ủy {name}",
                offices=(*(o.format(d=name) for o in DISTRICT_OFFICES), *kept),
                departments=kept,
                communes=communes,
                communes_group=f"Các đảng ủy xã, thị trấn trực thuộc Huyện ủy {name}",
                departments_group=f"Các phòng, ban chuyên môn huyện {name}",
            )
        )
    return World(city, (*CITY_OFFICES, *departments), tuple(districts), _units(departments, districts))


def _commune(name: str) -> Commune:
    return Commune(name, f"Đảng ủy xã {name}", tuple(u.format(c=name) for u in COMMUNE_UNITS))


def _units(departments: tuple[str, ...], districts: list[District]) -> tuple[Unit, ...]:
    units = [Unit(name=CITY_COMMITTEE, abbreviations=("BTV Thành ủy",))]
    units += [Unit(name=o, parent=CITY_COMMITTEE) for o in (*CITY_OFFICES, *departments)]
    units.append(Unit(name=DEPARTMENTS_GROUP, group=True, members=departments))
    units.append(Unit(name=DISTRICTS_GROUP, group=True, members=tuple(d.committee for d in districts)))
    for district in districts:
        units.append(Unit(name=district.committee, parent=CITY_COMMITTEE))
        units += [Unit(name=o, parent=district.committee) for o in district.offices]
        units.append(Unit(name=district.departments_group, group=True, members=district.departments))
        units.append(
            Unit(
                name=district.communes_group,
                group=True,
                members=tuple(c.committee for c in district.communes),
            )
        )
        for commune in district.communes:
            units.append(Unit(name=commune.committee, parent=district.committee))
            units += [Unit(name=u, parent=commune.committee) for u in commune.units]
    return tuple(units)
