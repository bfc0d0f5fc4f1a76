"""Bodies named in Vietnamese sentences: lead, support, requested."""

from __future__ import annotations

import pytest

from trienkhai.documents.extract.bodies import (
    find_roles,
    heading_roles,
    is_field_line,
    only_bodies,
    split_bodies,
)


def joined(bodies: list[str]) -> str:
    return " | ".join(bodies)


@pytest.mark.parametrize(
    ("sentence", "lead", "support", "requested"),
    [
        (
            "Sở Nội vụ chủ trì, phối hợp với các ngành, đơn vị liên quan tiếp tục hoàn thiện chính sách.",
            "Sở Nội vụ",
            "các ngành, đơn vị liên quan",
            "",
        ),
        (
            "Giao Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy và các cơ quan liên quan theo dõi, kiểm tra.",
            "Ban Dân vận Tỉnh ủy",
            "Văn phòng Tỉnh ủy | các cơ quan liên quan",
            "",
        ),
        (
            "Đề nghị Ủy ban Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội và các hội quần chúng tăng cường tuyên truyền.",
            "",
            "",
            "Ủy ban Mặt trận Tổ quốc | các đoàn thể chính trị - xã hội | các hội quần chúng",
        ),
        (
            "Các cấp ủy, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tiếp tục lãnh đạo.",
            "Các cấp ủy | chính quyền | Mặt trận Tổ quốc | các tổ chức chính trị - xã hội",
            "",
            "",
        ),
        ("HĐND các cấp tiếp tục đổi mới hoạt động.", "HĐND các cấp", "", ""),
        (
            "Sở Thông tin và Truyền thông chỉ đạo các cơ quan báo chí.",
            "Sở Thông tin và Truyền thông",
            "",
            "",
        ),
        (
            "Ban chỉ đạo công tác tôn giáo các cấp phát huy vai trò chủ động tham mưu.",
            "Ban chỉ đạo công tác tôn giáo các cấp",
            "",
            "",
        ),
        (
            "Giám đốc các sở, Thủ trưởng các ban, ngành, Chủ tịch UBND các huyện, thị xã, thành phố tổ chức quán triệt.",
            "Giám đốc các sở | Thủ trưởng các ban, ngành | Chủ tịch UBND các huyện, thị xã, thành phố",
            "",
            "",
        ),
        (
            "Giao Sở Nội vụ là cơ quan đầu mối, chủ trì đôn đốc, kiểm tra.",
            "Sở Nội vụ",
            "",
            "",
        ),
        (
            "Căn cứ Kế hoạch này; Giám đốc các sở và các đơn vị có liên quan theo chức năng, nhiệm vụ được giao khẩn trương xây dựng kế hoạch.",
            "Giám đốc các sở | các đơn vị có liên quan",
            "",
            "",
        ),
        (
            "Căn cứ Kế hoạch này, Sở Y tế xây dựng kế hoạch cụ thể.",
            "Sở Y tế",
            "",
            "",
        ),
        (
            "Xây dựng đội ngũ nông dân. Đảng ủy phường, xã tăng cường chỉ đạo Hội Nông dân; chính quyền tạo điều kiện cho nông dân.",
            "Đảng ủy phường, xã | chính quyền",
            "",
            "",
        ),
        (
            "Phối hợp với các bộ, ngành, cơ quan Trung ương trong việc rà soát chính sách.",
            "",
            "các bộ, ngành, cơ quan Trung ương",
            "",
        ),
        (
            "Đồng thời, Mặt trận Tổ quốc Việt Nam các cấp tiếp tục chủ động phối hợp với ngành văn hóa trong xây dựng đời sống văn hóa.",
            "Mặt trận Tổ quốc Việt Nam các cấp",
            "ngành văn hóa",
            "",
        ),
        (
            "Tiếp tục nghiên cứu, quán triệt tư tưởng của cán bộ, đảng viên; cán bộ, chiến sĩ lực lượng vũ trang và Nhân dân về đại đoàn kết.",
            "",
            "",
            "",
        ),
        ("Nâng cao hiệu quả công tác phối hợp giữa Mặt trận Tổ quốc với chính quyền.", "", "", ""),
        (
            "UBND tỉnh đề nghị Ủy ban MTTQ Việt Nam tỉnh phối hợp giám sát.",
            "UBND tỉnh",
            "",
            "Ủy ban MTTQ Việt Nam tỉnh",
        ),
        ("Giải quyết kiến nghị, đề nghị của cử tri.", "", "", ""),
        ("Bảo đảm an ninh; phòng ngừa, kiên quyết xử lý vi phạm.", "", "", ""),
        (
            "Phối hợp với các phòng, ban, ngành lồng ghép hoạt động.",
            "",
            "các phòng, ban, ngành",
            "",
        ),
        (
            "Phối hợp với các tổ chức, cá nhân trong và ngoài tỉnh vận động nguồn lực.",
            "",
            "các tổ chức, cá nhân trong và ngoài tỉnh",
            "",
        ),
        ("Tăng cường giáo dục thế hệ trẻ về lý tưởng cách mạng.", "", "", ""),
        (
            "Các cơ quan báo chí của tỉnh tăng cường thông tin.",
            "Các cơ quan báo chí của tỉnh",
            "",
            "",
        ),
        (
            "Người đứng đầu cấp ủy, chính quyền các cấp trực tiếp lãnh đạo, chỉ đạo.",
            "Người đứng đầu cấp ủy | chính quyền các cấp",
            "",
            "",
        ),
        (
            "Sở Tài chính hướng dẫn thủ tục; Ngân hàng Nhà nước chi nhánh tỉnh chỉ đạo cho vay.",
            "Sở Tài chính | Ngân hàng Nhà nước chi nhánh tỉnh",
            "",
            "",
        ),
        # generic plural bodies in lower case; a field's name "... và đào tạo" is not a verb
        (
            "Các phòng văn hóa và thông tin, các trạm y tế xã cập nhật số liệu hằng quý.",
            "Các phòng văn hóa và thông tin | các trạm y tế xã",
            "",
            "",
        ),
        (
            "Các trung tâm giáo dục nghề nghiệp và đào tạo lại kiểm tra hồ sơ học viên.",
            "Các trung tâm giáo dục nghề nghiệp và đào tạo lại",
            "",
            "",
        ),
        (
            "Thanh tra huyện chủ trì, phối hợp với các phòng chuyên môn kiểm tra định kỳ.",
            "Thanh tra huyện",
            "các phòng chuyên môn",
            "",
        ),
        (
            "Các phòng nông nghiệp và phát triển nông thôn kiểm tra diện tích gieo trồng.",
            "Các phòng nông nghiệp và phát triển nông thôn",
            "",
            "",
        ),
        # any other verb after "và" ends the bodies, and the "và" is not part of them
        (
            "Sở Xây dựng chủ trì, phối hợp với các đơn vị liên quan và triển khai đề án nhà ở.",
            "Sở Xây dựng",
            "các đơn vị liên quan",
            "",
        ),
        ("Các sở, ngành và tổ chức thực hiện tốt nhiệm vụ.", "Các sở, ngành", "", ""),
        # "X là đầu mối / là thường trực / là cơ quan thường trực": X leads
        (
            "Phòng Nội vụ là đầu mối tổng hợp, đánh giá kết quả thực hiện.",
            "Phòng Nội vụ",
            "",
            "",
        ),
        (
            "Ban Dân vận Huyện ủy là cơ quan thường trực giúp Ban Chỉ đạo theo dõi.",
            "Ban Dân vận Huyện ủy",
            "",
            "",
        ),
        (
            "Công an tỉnh là thường trực, phối hợp với Sở Tư pháp hướng dẫn nghiệp vụ.",
            "Công an tỉnh",
            "Sở Tư pháp",
            "",
        ),
    ],
)
def test_find_roles(sentence: str, lead: str, support: str, requested: str) -> None:
    roles = find_roles(sentence)
    assert (joined(roles.lead), joined(roles.support), joined(roles.requested)) == (
        lead,
        support,
        requested,
    )


@pytest.mark.parametrize(
    ("heading", "lead", "requested"),
    [
        ("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", ""),
        (
            "Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh",
            "",
            "Hiệp hội Doanh nghiệp tỉnh | Hội Nông dân tỉnh",
        ),
        (
            "Các sở, ban, ngành; UBND các huyện, thị xã, thành phố và các đơn vị liên quan tập trung lãnh đạo, thực hiện tốt một số nhiệm vụ sau đây:",
            "Các sở, ban, ngành | UBND các huyện, thị xã, thành phố | các đơn vị liên quan",
            "",
        ),
        (
            "Ủy ban nhân dân các huyện, thị xã, thành phố:",
            "Ủy ban nhân dân các huyện, thị xã, thành phố",
            "",
        ),
        ("Nâng cao nhận thức, trách nhiệm của các cấp ủy, tổ chức đảng", "", ""),
        ("TỔ CHỨC THỰC HIỆN", "", ""),
        ("Trách nhiệm của Sở Y tế", "Sở Y tế", ""),
        ("Sở Nội vụ (cơ quan thường trực):", "Sở Nội vụ", ""),
        ("Giao Sở Nội vụ:", "Sở Nội vụ", ""),
        ("Nhiệm vụ của các sở, ban, ngành:", "các sở, ban, ngành", ""),
        ("Sở Y tế có trách nhiệm:", "Sở Y tế", ""),
    ],
)
def test_heading_roles(heading: str, lead: str, requested: str) -> None:
    roles = heading_roles(heading)
    assert (joined(roles.lead), joined(roles.requested)) == (lead, requested)


def test_only_bodies() -> None:
    assert only_bodies("Sở Tài chính")
    assert only_bodies("Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh:")
    assert not only_bodies("Sở Tài chính bố trí kinh phí.")
    assert not only_bodies("Mục tiêu cụ thể")


@pytest.mark.parametrize(
    ("phrase", "bodies"),
    [
        ("UBND các huyện, thị xã, thành phố", ["UBND các huyện, thị xã, thành phố"]),
        ("Các sở, ban, ngành", ["Các sở, ban, ngành"]),
        (
            "Văn phòng Thị ủy và các cơ quan liên quan",
            ["Văn phòng Thị ủy", "các cơ quan liên quan"],
        ),
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Sở Tài chính; Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"]),
        ("", []),
    ],
)
def test_split_bodies(phrase: str, bodies: list[str]) -> None:
    assert split_bodies(phrase) == bodies


# ------------------------------------------------------------------ the lexicons as data


def test_bodies_lexicon_is_well_formed() -> None:
    import re

    from trienkhai.documents.lexicon import load

    lex = load("bodies")
    for key in ("heads_cased", "heads", "split_heads", "subject_verbs", "subject_stops", "roles"):
        assert lex[key], key
    for name, pattern in lex["roles"].items():
        re.compile(pattern)
        assert name in (
            "lead",
            "support",
            "supporting_subject",
            "requested",
            "assign",
            "directive",
            "request_inside",
        )
    labels = lex["responsibility_labels"]
    assert labels["lead"] and labels["support"]
    assert not set(labels["lead"]) & set(labels["support"]), "a label gives one role"
    assert all(w == w.lower() for role in labels.values() for w in role), "labels are lower case"
    # an abbreviation stands for one name; no word is both a verb and a stop
    abbreviations = lex["abbreviations"]
    assert len({a.casefold() for a in abbreviations}) == len(abbreviations)
    assert not set(lex["subject_verbs"]) & set(lex["subject_stops"])
    assert len(set(lex["subject_verbs"])) == len(lex["subject_verbs"])


def test_parts_lexicon_patterns_compile_and_match_their_examples() -> None:
    import re

    from trienkhai.documents.lexicon import load

    lex = load("parts")
    examples = {
        "recipients": "nơi nhận:",
        "signature": "tm. ủy ban nhân dân",
        "appendix": "phụ lục ii",
        "opening": "thực hiện nghị quyết số 57-nq/tw",
        "part_prefix": "phần thứ hai: ",
        "directive_intro": "bộ chính trị yêu cầu các cấp ủy thực hiện tốt các nhiệm vụ sau:",
    }
    for key, example in examples.items():
        assert re.compile(lex[key]).search(example), key
    for pattern in lex["task_due"] + lex["task_output"] + lex["not_tasks"]:
        re.compile(pattern, re.IGNORECASE)
    parts = {spec["part"] for spec in lex["headings"]}
    assert parts == {
        "organisation",
        "purpose",
        "objectives",
        "assessment",
        "tasks",
        "funding",
        "appendix",
    }


# Responsibility printed as labelled fields after the task (a parenthesis or a tail clause):
# the labelled bodies win over anything else the sentence names.
@pytest.mark.parametrize(
    ("sentence", "lead", "support"),
    [
        (
            "Tổ chức hội thi tìm hiểu pháp luật cho đoàn viên. (Cơ quan chủ trì: Sở Tư pháp; "
            "cơ quan phối hợp: Tỉnh đoàn, UBND các xã; thời gian thực hiện: hằng năm)",
            "Sở Tư pháp",
            "Tỉnh đoàn | UBND các xã",
        ),
        (
            "Cải tạo hệ thống thoát nước đô thị (Chủ trì: Sở Xây dựng; Phối hợp: Sở Tài chính; "
            "Thời gian: Quý IV/2026).",
            "Sở Xây dựng",
            "Sở Tài chính",
        ),
        (
            "Số hóa hồ sơ hộ tịch; Cơ quan thực hiện: Sở Tư pháp; Thời gian hoàn thành: năm 2027.",
            "Sở Tư pháp",
            "",
        ),
        (
            "Mở rộng mô hình tổ công nghệ số cộng đồng - Đơn vị chủ trì: Sở Khoa học và Công nghệ"
            " - Đơn vị phối hợp: Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh.",
            "Sở Khoa học và Công nghệ",
            "Liên đoàn Lao động tỉnh | Hội Liên hiệp Phụ nữ tỉnh",
        ),
        # the label wins over a subject the sentence opens with
        (
            "Các cơ quan báo chí mở chuyên mục về an toàn giao thông (chủ trì: Sở Văn hóa, Thể thao"
            " và Du lịch; phối hợp: Công an tỉnh).",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Công an tỉnh",
        ),
        # "chủ trì" and "phối hợp" as verbs, without a colon, are not labels
        (
            "Sở Công Thương chủ trì, phối hợp với Cục Quản lý thị trường kiểm tra hàng hóa.",
            "Sở Công Thương",
            "Cục Quản lý thị trường",
        ),
        # a colon after a subject is a body label, not a responsibility field
        (
            "Sở Nội vụ: chủ trì tổng hợp kết quả thi đua.",
            "Sở Nội vụ",
            "",
        ),
    ],
)
def test_labelled_responsibility_fields(sentence: str, lead: str, support: str) -> None:
    roles = find_roles(sentence)
    assert joined(roles.lead) == lead
    assert joined(roles.support) == support


@pytest.mark.parametrize(
    ("line", "is_field"),
    [
        ("- Đơn vị chủ trì: Công an tỉnh.", True),
        ("Cơ quan phối hợp: các sở, ban, ngành.", True),
        ("+ Thời gian hoàn thành: tháng 9/2026.", True),
        ("Chủ trì: Sở Y tế", True),
        ("- Sở Y tế chủ trì: tổ chức tập huấn.", False),
        ("- Tổ chức tập huấn cho cán bộ y tế cơ sở.", False),
        ("Thời gian qua, công tác dân vận có nhiều chuyển biến.", False),
    ],
)
def test_field_lines(line: str, is_field: bool) -> None:
    assert is_field_line(line) is is_field


# Subjects whose head is a service or field unit, a village-level unit, or a school level;
# and common nouns that only look like one ("các trường hợp", "Trung tâm của ...").
@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        (
            "Trạm Y tế phường An Lạc rà soát danh sách trẻ chưa tiêm chủng.",
            "Trạm Y tế phường An Lạc",
        ),
        (
            "Bệnh viện Y học cổ truyền tỉnh bảo đảm thuốc và vật tư.",
            "Bệnh viện Y học cổ truyền tỉnh",
        ),
        ("Đồn Biên phòng Sông Trà tăng cường tuần tra trên biển.", "Đồn Biên phòng Sông Trà"),
        (
            "Chi nhánh Ngân hàng Chính sách xã hội tỉnh ưu tiên cho vay hộ nghèo.",
            "Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
        ),
        (
            "Ban Quản lý Khu kinh tế tỉnh hướng dẫn nhà đầu tư thủ tục.",
            "Ban Quản lý Khu kinh tế tỉnh",
        ),
        ("Các bản, buôn, làng tổ chức ngày hội đại đoàn kết.", "Các bản, buôn, làng"),
        ("Các tổ dân phố, khu phố báo cáo số hộ tạm trú.", "Các tổ dân phố, khu phố"),
        (
            "Các trường tiểu học, trung học cơ sở tổ chức dạy bơi.",
            "Các trường tiểu học, trung học cơ sở",
        ),
        ("Thư viện tỉnh xây dựng tủ sách pháp luật.", "Thư viện tỉnh"),
        ("Các trường hợp vi phạm được xử lý theo quy định.", ""),
        ("Trung tâm của xã được chỉnh trang theo quy hoạch.", ""),
        ("Khuyến khích thành lập Trung tâm hỗ trợ khởi nghiệp ở các huyện.", ""),
        ("Trạm dừng nghỉ trên các tuyến quốc lộ được nâng cấp.", ""),
    ],
)
def test_subjects_headed_by_units(sentence: str, lead: str) -> None:
    assert joined(find_roles(sentence).lead) == lead


# A clause opening with two capitalised words and running to a task verb names a body even
# when its head noun is in no list; events, laws, periods and verb-first clauses do not.
@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        (
            "Hạt Kiểm lâm huyện Đam Rông tăng cường tuần tra bảo vệ rừng.",
            "Hạt Kiểm lâm huyện Đam Rông",
        ),
        (
            "Vườn Quốc gia Tràm Chim phối hợp với các xã giáp ranh tuyên truyền.",
            "Vườn Quốc gia Tràm Chim",
        ),
        ("Cảng vụ Hàng hải tỉnh kiểm tra tàu thuyền ra vào cảng.", "Cảng vụ Hàng hải tỉnh"),
        ("Tổ chức Hội nghị sơ kết 5 năm thực hiện Chỉ thị.", ""),
        ("Tháng Hành động vì an toàn thực phẩm tập trung vào bếp ăn tập thể.", ""),
        ("Luật Đất đai sửa đổi được phổ biến đến người dân.", ""),
        ("Cử Đoàn công tác liên ngành kiểm tra tại cơ sở.", ""),
        ("Hưởng ứng Ngày Sách và Văn hóa đọc, tổ chức trưng bày sách.", ""),
        ("Chương trình Mục tiêu quốc gia giảm nghèo bền vững tiếp tục được triển khai.", ""),
        ("NHIỆM VỤ TRỌNG TÂM tập trung vào cải cách hành chính.", ""),
    ],
)
def test_capitalised_subject_not_in_the_lexicon(sentence: str, lead: str) -> None:
    assert joined(find_roles(sentence).lead) == lead


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        (
            "Các tòa soạn báo, đài phát thanh mở chuyên mục về chuyển đổi số.",
            "Các tòa soạn báo, đài phát thanh",
        ),
        ("Các cơ sở y tế tư nhân bảo đảm đủ thuốc cấp cứu.", "Các cơ sở y tế tư nhân"),
        (
            "Các tổ công tác cộng đồng hướng dẫn người dân cài ứng dụng.",
            "Các tổ công tác cộng đồng",
        ),
        ("Các trường THCS tổ chức câu lạc bộ tiếng Anh.", "Các trường THCS"),
        ("Các báo cáo phải được gửi trước ngày 15 hằng tháng.", ""),
        ("Các trường hợp chậm nộp hồ sơ phải giải trình.", ""),
    ],
)
def test_plural_subjects_in_lower_case(sentence: str, lead: str) -> None:
    assert joined(find_roles(sentence).lead) == lead


# Responsibility written as a clause inside a parenthesis after the task, without labels.
@pytest.mark.parametrize(
    ("sentence", "lead", "support"),
    [
        (
            "Mở lớp bồi dưỡng kỹ năng số cho cán bộ xã (Sở Nội vụ chủ trì, phối hợp với Trường Chính trị tỉnh thực hiện).",
            "Sở Nội vụ",
            "Trường Chính trị tỉnh",
        ),
        (
            "Chuẩn hóa dữ liệu đất đai (Sở Nông nghiệp và Môi trường chủ trì; Sở Tư pháp phối hợp; hoàn thành trong năm 2026).",
            "Sở Nông nghiệp và Môi trường",
            "Sở Tư pháp",
        ),
        (
            "Kiểm tra an toàn thực phẩm dịp Tết; Công an tỉnh phối hợp.",
            "",
            "Công an tỉnh",
        ),
        # "phối hợp với ..." after the subject keeps the subject as lead
        (
            "Liên đoàn Lao động tỉnh phối hợp với Sở Nội vụ tổ chức đối thoại.",
            "Liên đoàn Lao động tỉnh",
            "Sở Nội vụ",
        ),
        # a parenthesis that cites a document names no body
        ("Triển khai nền tảng số (theo Quyết định số 15/QĐ-UBND) tại các xã.", "", ""),
    ],
)
def test_responsibility_inside_a_parenthesis(sentence: str, lead: str, support: str) -> None:
    roles = find_roles(sentence)
    assert (joined(roles.lead), joined(roles.support)) == (lead, support)
