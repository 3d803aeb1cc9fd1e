#!/usr/bin/env python3
"""vanban serve from outside, on the loopback: its routes, its answers to bad requests, and its
behaviour under faults (clients that leave mid-upload or mid-download, slow clients, malformed
requests, a thousand connections at once, a full queue) and at SIGTERM. Every loop is bounded.

    api_test.py VANBAN SOURCE_DIR
"""
import base64
import http.client
import json
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

vanban, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
work = tempfile.mkdtemp(prefix="vanban-api-")
servers = []
TOKEN = "s3cret-token"


def fail(message):
    print("api_test: " + message, file=sys.stderr)
    for server in servers:
        server.kill()
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def start(*options):
    log = open(os.path.join(work, "serve-%d.log" % len(servers)), "w+")
    server = subprocess.Popen([vanban, "serve", "--port", "0", *options], stderr=subprocess.PIPE, text=True)
    servers.append(server)
    line = server.stderr.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    check(match, "vanban serve did not say where it listens: " + line)
    # The access log goes on to a file, read at the end.
    threading.Thread(target=lambda: [log.write(l) for l in server.stderr], daemon=True).start()
    return server, int(match.group(1)), log


def request(port, method, path, body=None, headers=None, timeout=60):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, dict((k.lower(), v) for k, v in response.getheaders()), data


def pdf_text(pdf):
    path = os.path.join(work, "out.pdf")
    with open(path, "wb") as out:
        out.write(pdf)
    return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout


def read(path):
    with open(os.path.join(source, path), "rb") as f:
        return f.read()


auth = {"Authorization": "Bearer " + TOKEN}
token_file = os.path.join(work, "token")
with open(token_file, "w") as f:
    f.write(TOKEN + "\n")

sample = json.loads(read("docs/examples/giay-khen.json"))
template = sample.pop("template")
envelope = json.dumps({"template": template, "data": sample}, ensure_ascii=False, indent=1).encode()
seed = read("samples/ke-hoach-54.xml")

server, port, log = start("--token-file", token_file, "--max-body-mb", "1", "--client-timeout", "1")

# Health and readiness need no token; /v1/ does.
check(request(port, "GET", "/health")[0] == 200, "/health is not 200")
check(request(port, "GET", "/ready")[0] == 200, "/ready is not 200")
status, _, body = request(port, "GET", "/v1/templates")
check(status == 401 and json.loads(body)["diagnostics"][0]["code"] == "service.unauthorized", "no token was not 401")
status, _, body = request(port, "GET", "/v1/templates", headers={**auth, "Authorization": "Bearer wrong"})
check(status == 401, "a wrong token was not 401")
status, _, body = request(port, "GET", "/v1/templates", headers=auth)
names = [t["name"] for t in json.loads(body)]
check(status == 200 and "giay-khen" in names and "ke-hoach" in names, "the templates are not listed")
status, _, body = request(port, "GET", "/v1/templates/giay-khen", headers=auth)
fields = {f["path"]: f for f in json.loads(body)["fields"]}
check(status == 200 and fields["recipient/name"]["required"] and fields["recipient/name"]["label"] == "Họ và tên",
      "the declaration of giay-khen is not its fields")
check(request(port, "GET", "/v1/templates/khong-co", headers=auth)[0] == 404, "an unknown template is not 404")
check(request(port, "GET", "/khong-co")[0] == 404, "an unknown route is not 404")

# Render: the envelope, XML, and JSON with the PDF inside.
status, headers, pdf = request(port, "POST", "/v1/render", envelope, {**auth, "Content-Type": "application/json"})
check(status == 200 and headers["content-type"] == "application/pdf" and pdf.startswith(b"%PDF-"),
      "the envelope did not give a PDF: %d %s" % (status, pdf[:200]))
check("Nguyễn Văn An" in pdf_text(pdf), "the PDF lacks the recipient")
status, _, pdf = request(port, "POST", "/v1/render", seed, {**auth, "Content-Type": "application/xml"})
check(status == 200 and "KẾ HOẠCH" in pdf_text(pdf), "the seed plan as XML did not render")
status, headers, body = request(port, "POST", "/v1/render", envelope,
                                {**auth, "Content-Type": "application/json", "Accept": "application/json"})
answer = json.loads(body)
check(status == 200 and answer["pages"] == 1 and base64.b64decode(answer["pdf"]).startswith(b"%PDF-"),
      "the JSON answer does not hold the PDF")
# Signature fields (docs/electronic.md): in the envelope or as a parameter; the JSON answer
# tells where they are, and a reader finds them in the PDF.
signed = json.loads(envelope)
signed["sign_fields"] = True
status, _, body = request(port, "POST", "/v1/render", json.dumps(signed, ensure_ascii=False).encode(),
                          {**auth, "Content-Type": "application/json", "Accept": "application/json"})
answer = json.loads(body)
check(status == 200 and [f["name"] for f in answer.get("fields", [])] == ["Sig_Signer", "Sig_Org"],
      "the JSON answer does not tell the signature fields: %s" % body[:300])
with tempfile.NamedTemporaryFile(suffix=".pdf") as kept:
    kept.write(base64.b64decode(answer["pdf"]))
    kept.flush()
    fields = subprocess.run(["pdfsig", kept.name], capture_output=True, text=True).stdout
check("Signature Field Name: Sig_Signer" in fields and "Signature Field Name: Sig_Org" in fields,
      "the PDF holds no signature fields: " + fields)
status, _, pdf = request(port, "POST", "/v1/render?sign_fields=true", seed, {**auth, "Content-Type": "application/xml"})
check(status == 200 and pdf.count(b"/FT /Sig") == 2, "?sign_fields=true did not give the two fields")
# Electronic issuance through the service (docs/electronic.md): the seed plan as PDF/A-2b with
# its fields, signed by a key file of a throw-away CA, verifies and passes the PDF/A lint.
status, _, pdf = request(port, "POST", "/v1/render?sign_fields=true&pdfa=2b", seed, {**auth, "Content-Type": "application/xml"})
check(status == 200 and b"GTS_PDFA1" in pdf and b"<pdfaid:part>2</pdfaid:part>" in pdf, "?pdfa=2b did not give PDF/A")
issued = os.path.join(work, "issued.pdf")
with open(issued, "wb") as f:
    f.write(pdf)
keys = os.path.join(work, "keys")
os.mkdir(keys)
with open(os.path.join(keys, "password"), "w") as f:
    f.write("test\n")
for command in (
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
         "-subj", "/CN=api test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign"],
        ["openssl", "req", "-utf8", "-newkey", "rsa:2048", "-nodes", "-keyout", "signer.key", "-out", "signer.csr",
         "-subj", "/CN=Lê Vũ Phương"],
        ["openssl", "x509", "-req", "-in", "signer.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
         "-out", "signer.pem"],
        ["openssl", "pkcs12", "-export", "-inkey", "signer.key", "-in", "signer.pem", "-passout", "file:password",
         "-out", "signer.p12"]):
    check(subprocess.run(command, cwd=keys, capture_output=True).returncode == 0, "cannot make the test's keys: %s" % command)
signed_pdf = os.path.join(work, "issued-signed.pdf")
done = subprocess.run([vanban, "sign", issued, "--field", "Sig_Signer", "--p12", os.path.join(keys, "signer.p12"),
                       "--password-file", os.path.join(keys, "password"), "--image",
                       os.path.join(source, "samples/layout/images/chu-ky.png"), "-o", signed_pdf], capture_output=True, text=True)
check(done.returncode == 0, "vanban sign failed on the service's PDF: " + done.stderr)
verified = subprocess.run([vanban, "verify", signed_pdf, "--ca", os.path.join(keys, "ca.pem")], capture_output=True, text=True)
check(verified.returncode == 0 and "Sig_Signer: valid, covers the whole file" in verified.stdout,
      "the service's signed PDF does not verify: " + verified.stdout + verified.stderr)
linted = subprocess.run([vanban, "lint-pdfa", issued, signed_pdf], capture_output=True, text=True)
check(linted.returncode == 0, "the service's PDF/A fails the lint: " + linted.stdout)
status, _, body = request(port, "POST", "/v1/render?pdfa=3x", seed, {**auth, "Content-Type": "application/xml"})
check(status == 400 and json.loads(body)["diagnostics"][0]["code"] == "service.pdfa", "?pdfa=3x is not refused")
pdfa_envelope = json.loads(envelope)
pdfa_envelope["pdfa"] = "2u"
status, _, pdf = request(port, "POST", "/v1/render", json.dumps(pdfa_envelope, ensure_ascii=False).encode(),
                         {**auth, "Content-Type": "application/json"})
check(status == 200 and b"<pdfaid:conformance>U</pdfaid:conformance>" in pdf, "the envelope's pdfa did not give PDF/A-2u")

# Same input, same bytes.
first = request(port, "POST", "/v1/render", envelope, {**auth, "Content-Type": "application/json"})[2]
second = request(port, "POST", "/v1/render", envelope, {**auth, "Content-Type": "application/json"})[2]
check(first == second, "the same request gave different PDFs")

# Bad data: 422 with the diagnostics, in Vietnamese, located in the body as sent.
no_name = json.loads(envelope)
del no_name["data"]["recipient"]["name"]
body_sent = json.dumps(no_name, ensure_ascii=False, indent=1)
status, _, body = request(port, "POST", "/v1/render", body_sent.encode(),
                          {**auth, "Content-Type": "application/json", "Accept-Language": "vi-VN,vi;q=0.9"})
diagnostic = json.loads(body)["diagnostics"][0]
line = body_sent.split("\n")[diagnostic["line"] - 1]
check(status == 422 and diagnostic["code"] == "check.required-field" and diagnostic["field"] == "recipient/name",
      "a missing name is not a located 422: %d %s" % (status, body[:300]))
check("thiếu trường này" in diagnostic["message"], "the diagnostic is not in Vietnamese: " + diagnostic["message"])
check('"recipient"' in line, "the diagnostic's line is not the body's 'recipient' line: " + line)
status, _, body = request(port, "POST", "/v1/render", b'{"template": "giay-khen", "data": {"a": }', {**auth})
check(status == 422 and json.loads(body)["diagnostics"][0]["code"] == "data.json-syntax", "malformed JSON is not 422")
# An envelope member of the wrong kind is refused, never passed over.
for bad in ({"lenient": "yes"}, {"sign_fields": 1}, {"pdfa": "2x"}, {"pdfa": 2}, {"template": 5}, {"files": {"chu-ky.png": "not base64!"}},
            {"files": {"../chu-ky.png": "iVBORw0KGgo="}}, {"files": ["chu-ky.png"]}):
    wrong = json.loads(envelope)
    wrong.update(bad)
    status, _, body = request(port, "POST", "/v1/render", json.dumps(wrong).encode(), auth)
    check(status == 400 and json.loads(body)["diagnostics"][0]["code"] == "service.envelope",
          "the envelope member %s was not refused: %d %s" % (bad, status, body[:200]))
status, _, body = request(port, "POST", "/v1/render", json.dumps({"template": "khong-co", "data": {}}).encode(), auth)
check(status == 404, "an unknown template's render is not 404: %d" % status)
status, _, body = request(port, "POST", "/v1/render", b"\xff\xfe<bad", {**auth, "Content-Type": "application/xml"})
check(status == 422, "bytes that are not UTF-8 are not 422: %d" % status)

# Batch: the sample workbook and common data, as a print PDF and as a zip.
def multipart(parts):
    boundary = "vanbanboundary7e3"
    out = b""
    for name, filename, content in parts:
        out += b"--" + boundary.encode() + b"\r\nContent-Disposition: form-data; name=\"" + name.encode() + b"\""
        if filename:
            out += b"; filename=\"" + filename.encode() + b"\""
        out += b"\r\n\r\n" + content + b"\r\n"
    return out + b"--" + boundary.encode() + b"--\r\n", "multipart/form-data; boundary=" + boundary


workbook = read("samples/batch/giay-khen-danh-sach.xlsx")
common = read("samples/batch/giay-khen-chung.xml")
body, kind = multipart([("template", None, b"giay-khen"), ("records", "danh-sach.xlsx", workbook),
                        ("common", "chung.xml", common)])
status, headers, pdf = request(port, "POST", "/v1/batch", body, {**auth, "Content-Type": kind})
check(status == 200 and headers["x-vanban-printed"] == "8" and headers["x-vanban-failed"] == "2",
      "the batch did not print 8 of 10: %d %s" % (status, headers))
check(pdf_text(pdf).count("GIẤY KHEN") == 8, "the batch's PDF does not hold 8 certificates")
body, kind = multipart([("template", None, b"giay-khen"), ("records", "danh-sach.xlsx", workbook),
                        ("common", "chung.xml", common), ("output", None, b"zip")])
status, headers, archive = request(port, "POST", "/v1/batch", body, {**auth, "Content-Type": kind})
zip_path = os.path.join(work, "batch.zip")
with open(zip_path, "wb") as f:
    f.write(archive)
listing = subprocess.run(["python3", "-m", "zipfile", "-l", zip_path], capture_output=True, text=True).stdout
check(status == 200 and listing.count(".pdf") == 9 and "report.csv" in listing,
      "the zip does not hold 8 PDFs, the print file and the report: " + listing)
status, _, answer = request(port, "POST", "/v1/batch", body, {**auth, "Content-Type": kind, "Accept": "application/json"})
report = json.loads(answer)["report"]
files = [p["file"] for r in report for p in r["problems"] if "file" in p]
check(status == 200 and files and all(f == "records.xlsx" for f in files),
      "the report does not name the list as the client sent it: %s" % files)
check(b"vanban-" not in answer.split(b'"zip"')[0] and sorted(r["output"] for r in report if r["output"])[0].endswith(".pdf"),
      "the report names the service's temporary folder")
# A batch of certificates as PDF/A-2b with their fields: the print file passes the lint.
body, kind = multipart([("template", None, b"giay-khen"), ("records", "danh-sach.xlsx", workbook),
                        ("common", "chung.xml", common), ("pdfa", None, b"2b"), ("sign_fields", None, b"true")])
status, headers, pdf = request(port, "POST", "/v1/batch", body, {**auth, "Content-Type": kind})
batch_pdf = os.path.join(work, "batch-pdfa.pdf")
with open(batch_pdf, "wb") as f:
    f.write(pdf)
linted = subprocess.run([vanban, "lint-pdfa", batch_pdf], capture_output=True, text=True)
check(status == 200 and linted.returncode == 0, "the PDF/A batch fails the lint: %d %s" % (status, linted.stdout))
body, kind = multipart([("template", None, b"giay-khen"), ("records", "danh-sach.doc", b"x")])
check(request(port, "POST", "/v1/batch", body, {**auth, "Content-Type": kind})[0] == 415, "a .doc list is not 415")

# Faults. A body over the cap (1 MB here) is refused with 413.
try:
    status = request(port, "POST", "/v1/render", b"{" + b" " * (2 << 20) + b"}", {**auth, "Content-Type": "application/json"})[0]
    check(status == 413, "a 2 MB body is not 413: %d" % status)
except (ConnectionResetError, BrokenPipeError):
    pass  # refused before the client finished sending: the connection is closed, also clean


def raw(data, read_reply=True, pause=0.0):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(data)
    if pause:
        time.sleep(pause)
    reply = b""
    if read_reply:
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                reply += chunk
        except (socket.timeout, ConnectionResetError):
            pass
    s.close()
    return reply


# A client that leaves mid-upload, one that leaves mid-download, one that sends a header and
# then nothing (dropped after --client-timeout), and requests that are not HTTP.
raw(b"POST /v1/render HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN.encode() +
    b"\r\nContent-Length: 100000\r\n\r\n{\"template\"", read_reply=False)
s = socket.create_connection(("127.0.0.1", port), timeout=10)
s.sendall(b"POST /v1/render HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN.encode() +
          b"\r\nContent-Type: application/xml\r\nContent-Length: %d\r\n\r\n" % len(seed) + seed)
s.recv(100)
s.close()
started = time.time()
reply = raw(b"GET /health HTTP/1.1\r\nHost: x\r\n")
check(time.time() - started < 8, "a client that stopped sending was not dropped")
reply = raw(b"\x16\x03\x01\x02\x00garbage\r\n\r\n")
check(reply == b"" or reply.startswith(b"HTTP/1.1 400"), "garbage was answered with: %r" % reply[:80])
reply = raw(b"GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")
check(reply == b"" or re.match(rb"HTTP/1.1 [24]\d\d", reply), "a negative length was answered with: %r" % reply[:80])
check(request(port, "GET", "/health")[0] == 200, "the service is not healthy after the faults")

# A thousand connections at once: each is answered.
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
sockets = []
for _ in range(1000):
    s = socket.socket()
    s.settimeout(60)
    s.connect(("127.0.0.1", port))
    sockets.append(s)
for s in sockets:
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
answered = 0
for s in sockets:
    reply = b""
    try:
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            reply += chunk
    except socket.timeout:
        pass
    if reply.startswith(b"HTTP/1.1 200"):
        answered += 1
    s.close()
check(answered == 1000, "%d of 1000 connections at once were answered" % answered)

# Metrics: requests by route and status, latency, queue, diagnostics by code.
metrics = request(port, "GET", "/metrics")[2].decode()
for expected in ('vanban_requests_total{route="/v1/render",status="200"}', 'vanban_requests_total{route="/v1/render",status="422"}',
                 'vanban_request_seconds_bucket{route="/v1/render",le="+Inf"}', "vanban_queue_depth 0",
                 'vanban_diagnostics_total{code="check.required-field",severity="error"}',
                 'vanban_requests_total{route="/health",status="200"}'):
    check(expected in metrics, "/metrics lacks " + expected)

# SIGTERM while an upload is half sent: the request is finished, then the process exits 0.
s = socket.create_connection(("127.0.0.1", port), timeout=30)
head = (b"POST /v1/render HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN.encode() +
        b"\r\nContent-Type: application/xml\r\nContent-Length: %d\r\n\r\n" % len(seed))
s.sendall(head + seed[:1000])
time.sleep(0.3)
server.send_signal(signal.SIGTERM)
time.sleep(0.3)
s.sendall(seed[1000:])
reply = b""
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    reply += chunk
s.close()
check(reply.startswith(b"HTTP/1.1 200") and b"%PDF-" in reply, "the request in flight at SIGTERM was not finished: %r" % reply[:100])
check(server.wait(timeout=30) == 0, "vanban serve did not exit 0 at SIGTERM")
log.flush()
log.seek(0)
access = log.read()
check(re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ 127\.0\.0\.1 POST /v1/render 200 \d+ \d+ms", access),
      "the access log has no line for a render")
check("vanban serve: stopped" in access, "the service did not say it stopped")

# A full queue is answered 429 and a long wait 503; what is admitted is printed.
def burst(port, count):
    statuses = []
    lock = threading.Lock()
    gate = threading.Barrier(count)

    def one():
        gate.wait()
        try:
            status, _, body = request(port, "POST", "/v1/render", seed, {"Content-Type": "application/xml"})
        except OSError as error:
            status, body = str(error), b""
        with lock:
            statuses.append((status, body[:5]))
    threads = [threading.Thread(target=one) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return statuses


server, port, log = start("--workers", "1", "--queue", "1", "-q")
statuses = burst(port, 24)
check(all(s in (200, 429) for s, _ in statuses), "a full queue answered other than 200 or 429: %s" % statuses)
check(any(s == 429 for s, _ in statuses), "24 requests at once into a queue of 1 got no 429")
check(all(b == b"%PDF-" for s, b in statuses if s == 200), "an admitted request did not get its PDF")
server.send_signal(signal.SIGTERM)
check(server.wait(timeout=30) == 0, "the second service did not exit 0")

server, port, log = start("--workers", "1", "--queue", "100", "--queue-timeout", "0.001", "-q")
statuses = burst(port, 16)
check(all(s in (200, 503) for s, _ in statuses), "a short queue timeout answered other than 200 or 503: %s" % statuses)
check(any(s == 503 for s, _ in statuses), "16 requests at once with a 1 ms queue timeout got no 503")
server.send_signal(signal.SIGTERM)
check(server.wait(timeout=30) == 0, "the third service did not exit 0")
print("api_test: routes, bad requests, faults, queue and SIGTERM all answered cleanly")
