#!/usr/bin/python3
"""Writes in.xlsx for the convert-workbook case (python3-openpyxl, Debian): three certificates,
the second's name typed in TCVN3 and read as Latin-1 (what an old sheet pasted into Excel
looks like), the others in Unicode. Only needed to remake it; it is committed."""
import pathlib

import openpyxl

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Danh sách"
sheet.append(["recipient/honorific", "recipient/name", "recipient/role"])
sheet.append(["Ông", "Nguyễn Văn Bình", "Chủ tịch Hội Cựu chiến binh phường 1"])
sheet.append(["Ông", "NguyÔn V¨n An", "Chuyên viên Phòng Nội vụ"])
sheet.append(["Bà", "Thạch Thị Sa Phia", "Giáo viên Trường Tiểu học Long Toàn A"])
book.save(pathlib.Path(__file__).parent / "in.xlsx")
