#!/usr/bin/env python3
"""The clerks' page in a real browser: Debian's headless Chromium, driven through ChromeDriver's
WebDriver protocol (plain HTTP and JSON, so only the standard library is needed).

It opens the page of a running `vanban serve`, fills the Giấy khen form leaving the name out and
checks the Vietnamese error beside that field; fills it in, downloads the PDF and reads it
back; then uploads the sample workbook with the common fields filled and checks the report and
the print file it downloads.

    page_test.py VANBAN SOURCE_DIR
"""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

vanban, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
work = tempfile.mkdtemp(prefix="vanban-page-")
downloads = os.path.join(work, "downloads")
os.makedirs(downloads)
processes = []


def fail(message):
    # The browser's session is closed and the processes stopped on the way out (finally).
    print("page_test: " + message, file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, check, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    fail("timed out waiting for " + what)


# The service, on a port it picks.
server = subprocess.Popen([vanban, "serve", "--port", "0"], stderr=subprocess.PIPE, text=True)
processes.append(server)
line = server.stderr.readline()
match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
if not match:
    fail("vanban serve did not say where it listens: " + line)
base = "http://127.0.0.1:" + match.group(1)

# The browser, through ChromeDriver.
driver_port = free_port()
driver = subprocess.Popen(["chromedriver", "--port=%d" % driver_port], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
processes.append(driver)
webdriver = "http://127.0.0.1:%d" % driver_port


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(webdriver + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)["value"]
    except urllib.error.HTTPError as error:
        fail("WebDriver %s %s: %s" % (method, path, error.read().decode()[:500]))


def driver_up():
    try:
        with urllib.request.urlopen(webdriver + "/status", timeout=2) as response:
            return json.load(response)["value"]["ready"]
    except OSError:
        return False


wait_for("chromedriver", driver_up)
session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
    "binary": shutil.which("chromium") or "/usr/bin/chromium",
    "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
             "--user-data-dir=" + os.path.join(work, "profile")],
    "prefs": {"download.default_directory": downloads, "download.prompt_for_download": False,
              "plugins.always_open_pdf_externally": True},
}}}})["sessionId"]
s = "/session/" + session


def script(code, *args):
    return call("POST", s + "/execute/sync", {"script": code, "args": list(args)})


def find(css):
    found = call("POST", s + "/elements", {"using": "css selector", "value": css})
    return next(iter(found[0].values())) if found else None


def element(css):
    return wait_for(css, lambda: find(css))


def type_into(css, text):
    target = element(css)
    call("POST", s + "/element/%s/clear" % target, {})
    call("POST", s + "/element/%s/value" % target, {"text": text})


def set_value(css, value):
    # A date input takes its value as the browser's own picker would give it.
    script("const e = document.querySelector(arguments[0]); e.value = arguments[1];"
           "e.dispatchEvent(new Event('input', {bubbles: true}));", css, value)


def click(css):
    call("POST", s + "/element/%s/click" % element(css), {})


def visible(css):
    return script("const e = document.querySelector(arguments[0]); return !!e && !e.hidden;", css)


def text_of(css):
    return script("const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", css)


def downloaded(name_part):
    def done():
        names = [n for n in os.listdir(downloads) if name_part in n and not n.endswith(".crdownload")]
        return os.path.join(downloads, names[0]) if names else None
    return wait_for("the download of " + name_part, done)


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def field(path):
    return '[data-path="%s"] .value' % path


def fill_common():
    type_into(field("authority"), "Chủ tịch Ủy ban nhân dân thị xã Duyên Hải")
    type_into(field("achievement"), "Đã có thành tích xuất sắc trong phong trào Thi đua yêu nước giai đoạn 2015 - 2020.")
    type_into(field("decision/number"), "1250")
    type_into(field("decision/notation"), "QĐ-UBND")
    set_value(field("decision/date"), "2020-06-22")
    type_into(field("place"), "Duyên Hải")
    set_value(field("date"), "2020-06-22")
    type_into(field("signer/position"), "Chủ tịch")
    type_into(field("signer/name"), "Lê Vũ Phương")


try:
    # 0. Every template's form names each field in Vietnamese: no label or legend is the
    # field's own (English) name.
    for name in [t["name"] for t in json.loads(urllib.request.urlopen(base + "/v1/templates").read())]:
        call("POST", s + "/url", {"url": base + "/?template=" + name})
        wait_for("the form of " + name, lambda: script("return document.querySelectorAll('[data-path]').length > 0;"))
        untranslated = script("""
            const shown = [];
            for (const box of document.querySelectorAll('[data-path]')) {
              const own = box.dataset.path.split('/').pop();
              const label = box.querySelector(':scope > label, :scope > legend');
              if (label && label.textContent.replace(/ \\*.*$| \\(.*$/, '') === own) shown.push(box.dataset.path);
            }
            return shown;""")
        if untranslated:
            fail("the form of %s shows fields by their English names: %s" % (name, ", ".join(untranslated)))

    # 1. One Giấy khen, the name forgotten: refused, the reason in Vietnamese beside the field.
    call("POST", s + "/url", {"url": base + "/?template=giay-khen"})
    element(field("recipient/name"))
    if "Họ và tên" not in text_of('[data-path="recipient/name"] label'):
        fail("the name's label is not the Vietnamese column header")
    if "mỗi người một tờ" not in text_of("#summary"):
        fail("the template's summary is not the Vietnamese one: " + text_of("#summary"))
    fill_common()
    type_into(field("recipient/honorific"), "Ông")
    click("#render")
    problem = wait_for("the error beside the name",
                       lambda: text_of('[data-path="recipient/name"] .field-problems'))
    if "thiếu trường này" not in problem or "Lỗi" not in problem:
        fail("the error beside the name is not the Vietnamese one: " + problem)
    if visible("#download"):
        fail("a PDF was offered for data with an error")

    # 2. The name given: the PDF is previewed, downloaded and holds what was typed.
    type_into(field("recipient/name"), "Nguyễn Văn An")
    click("#render")
    wait_for("the download link", lambda: visible("#download"))
    if text_of('[data-path="recipient/name"] .field-problems'):
        fail("the error stayed beside the name once it was given")
    if "1 trang" not in text_of("#status"):
        fail("the status does not tell the pages: " + text_of("#status"))
    if not script("return document.querySelector('#preview').src.startsWith('blob:');"):
        fail("page 1 is not previewed")
    click("#download")
    single = downloaded("giay-khen")
    text = pdf_text(single)
    for expected in ("GIẤY KHEN", "Nguyễn Văn An", "Lê Vũ Phương", "1250/QĐ-UBND"):
        if expected not in text:
            fail("the downloaded PDF lacks '%s'" % expected)

    # 2b. Issued electronically: the PDF keeps the places to sign (docs/electronic.md).
    os.remove(single)
    click("#sign-fields")
    click("#render")
    wait_for("the download link", lambda: visible("#download"))
    click("#download")
    signed = downloaded("giay-khen")
    fields = subprocess.run(["pdfsig", signed], capture_output=True, text=True).stdout
    if "Signature Field Name: Sig_Signer" not in fields or "Signature Field Name: Sig_Org" not in fields:
        fail("the PDF made with the signing option holds no signature fields: " + fields)
    os.remove(signed)
    click("#sign-fields")

    # 3. A batch: the common fields in the form, the list from the sample workbook.
    call("POST", s + "/url", {"url": base + "/?template=giay-khen"})
    element(field("recipient/name"))
    fill_common()
    workbook = os.path.join(source, "samples", "batch", "giay-khen-danh-sach.xlsx")
    call("POST", s + "/element/%s/value" % element("#records"), {"text": workbook})
    click("#run-batch")
    wait_for("the batch's download link", lambda: visible("#batch-download"), seconds=60)
    summary = text_of("#report .summary")
    if "Đã in 8 / 10" not in summary:
        fail("the batch's summary is not 8 of 10: " + summary)
    report = text_of("#report table")
    if "không in được" not in report or "TCVN3" not in report:
        fail("the report does not say why the two records were not printed: " + report[:400])
    click("#batch-download")
    merged = downloaded("danh-sach.pdf")
    if pdf_pages(merged) != 8:
        fail("the batch's PDF has %d pages, not 8" % pdf_pages(merged))
    if "Nguyễn Văn An" not in pdf_text(merged):
        fail("the batch's PDF lacks the first record's name")
    print("page_test: form, diagnostics, preview, download and batch all work in Chromium")
finally:
    try:
        call("DELETE", s)
    except (SystemExit, OSError):
        pass
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    shutil.rmtree(work, ignore_errors=True)
