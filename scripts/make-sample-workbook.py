#!/usr/bin/python3
"""Writes samples/batch/giay-khen-danh-sach.xlsx and .csv: a commendation list as a clerk keeps it
(python3-openpyxl, Debian).

The sheet "Cá nhân" has a merged title row, a "(Kèm theo Quyết định …)" line and an empty
row above the header; the headers are the office's own words (STT, Danh xưng, Họ và tên,
Chức vụ, đơn vị, Thành tích, Số sổ vàng, Ngày ký, Ghi chú); the dates are Excel dates; a name
has trailing spaces, one row has lost its name and one was typed long ago in TCVN3. The CSV
is the same list as Excel's "CSV UTF-8" writes it: a byte-order mark, the title rows padded
with commas, the dates as the sheet shows them (22/06/2020). Run it again only to change the
samples; docs/batch.md and the tests read the committed files.
"""
import csv
import datetime
import io
import pathlib

import openpyxl
from openpyxl.styles import Alignment, Font

samples = pathlib.Path(__file__).resolve().parent.parent / "samples" / "batch"
title = "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"
basis = ("(Kèm theo Quyết định số 1250/QĐ-UBND ngày 22 tháng 6 năm 2020 "
         "của Chủ tịch Ủy ban nhân dân thị xã Duyên Hải)")
header = ["STT", "Danh xưng", "Họ và tên", "Chức vụ, đơn vị", "Thành tích", "Số sổ vàng", "Ngày ký", "Ghi chú"]
signed = datetime.date(2020, 6, 22)
people = [
    ["Ông", "Nguyễn Văn An", "Chủ tịch Hội Cựu chiến binh phường 1, thị xã Duyên Hải", None, 101, "Đã nhận"],
    ["Bà", "Thạch Thị Sa Phia", "Giáo viên Trường Tiểu học Long Toàn A",
     "Đã có thành tích xuất sắc trong công tác giảng dạy năm học 2019 - 2020.", 102, None],
    ["Ông", "Lê Hoàng Đạt   ", "Chuyên viên Phòng Nội vụ", None, 103, None],
    ["Bà", "Trần Thị Bé Ba", "Trưởng ấp Giồng Giếng, xã Long Hữu", None, 104, None],
    ["Ông", "Kim Sa Rinh", "Nông dân sản xuất, kinh doanh giỏi xã Trường Long Hòa", None, 105, None],
    ["Bà", None, "Phó Trưởng phòng Văn hóa và Thông tin", None, 106, "Chưa rõ họ tên"],
    # Typed in .VnTime long ago: "Lê Văn Bình", "Trưởng ấp Cây Da".
    ["Ông", "L\u00aa V\u00a8n B\u00d7nh", "Tr\u00ad\u00ebng \u00cap C\u00a9y Da", None, 107, None],
    ["Ông", "Huỳnh Văn Tám", "Bí thư Chi bộ ấp Cây Da", None, 108, None],
    ["Bà", "Lâm Thị Mỹ Hạnh", "Chủ tịch Hội Liên hiệp Phụ nữ phường 2", None, 109, None],
    ["Ông", "Thạch Sô Phoanh", "Trưởng Ban Nhân dân khóm 3, phường 1", None, 110, None],
]

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Cá nhân"
sheet.append([title])
sheet.merge_cells("A1:H1")
sheet.append([basis])
sheet.merge_cells("A2:H2")
sheet.append([])
sheet.append(header)
for cell in sheet[1] + sheet[4]:
    cell.font = Font(bold=True)
sheet["A1"].alignment = Alignment(horizontal="center")
sheet["A2"].alignment = Alignment(horizontal="center")
for number, (honorific, name, role, achievement, book_number, note) in enumerate(people, start=1):
    sheet.append([number, honorific, name, role, achievement, book_number, signed, note])
    sheet.cell(row=sheet.max_row, column=7).number_format = "dd/mm/yyyy"
for column, width in zip("ABCDEFGH", [6, 10, 24, 48, 40, 10, 12, 16]):
    sheet.column_dimensions[column].width = width
book.save(samples / "giay-khen-danh-sach.xlsx")

out = io.StringIO()
writer = csv.writer(out, lineterminator="\r\n")
writer.writerow([title] + [""] * 7)
writer.writerow([basis] + [""] * 7)
writer.writerow([""] * 8)
writer.writerow(header)
for number, (honorific, name, role, achievement, book_number, note) in enumerate(people, start=1):
    writer.writerow([number, honorific, name or "", role, achievement or "", book_number, signed.strftime("%d/%m/%Y"),
                     note or ""])
(samples / "giay-khen-danh-sach.csv").write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
