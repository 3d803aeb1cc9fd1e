#!/usr/bin/python3
"""Writes certificates.xlsx, the workbook the batch tests read (python3-openpyxl, Debian).

Sheet "Cá nhân" (the first): the records of certificates.csv as an office types them in
Excel: numbers as numbers, a typed date, a line break inside a cell, an empty name, and a
cell holding a formula error. Sheet "Tập thể": two collectives. Run it again only to change
the fixture; the tests read the committed file.
"""
import datetime
import pathlib

import openpyxl

book = openpyxl.Workbook()
people = book.active
people.title = "Cá nhân"
people.append(["stt", "recipient/honorific", "recipient/name", "recipient/role", "golden-book", "date"])
people.append([1, "Ông", "Nguyễn Văn An", "Chủ tịch Hội Cựu chiến binh phường 1, thị xã Duyên Hải", 101, None])
people.append([2, "Bà", "Thạch Thị Sa Phia", "Giáo viên Trường Tiểu học Long Toàn A", 102,
               datetime.date(2020, 6, 25)])
people.append([3, "Bà", None, "Phó Trưởng phòng Nội vụ", 103, None])
people.append([4, "Ông", "Lê Hoàng Đạt", "Chuyên viên", "#REF!", None])
people.append([5, "Ông", "Nguyễn Văn An", "Trưởng ấp Giồng Giếng,\nxã Long Hữu", 105, None])
people.append([])  # an empty row between records is skipped
people.append([6, "Ông", "Kim Sa Rinh", "Nông dân sản xuất giỏi", 106, None])
people["F3"].number_format = "dd/mm/yyyy"

groups = book.create_sheet("Tập thể")
groups.append(["stt", "recipient/name", "golden-book"])
groups.append([1, "Trường Tiểu học Long Toàn A", 201])
groups.append([2, "Hội Nông dân xã Dân Thành", 202])

book.save(pathlib.Path(__file__).with_name("certificates.xlsx"))
