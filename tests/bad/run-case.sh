#!/usr/bin/env bash
# Runs one case of the bad-input corpus (tests/bad/README.md) and checks what it promises:
#   run-case.sh CASE_DIR VANBAN WORK_DIR
# The case is copied to WORK_DIR, its `setup` (if any) makes large inputs there, and its
# `command` runs with $VANBAN set. Then:
#   - the exit status is the one `expected` gives ("exit N", default 1), and no signal;
#   - every other line of `expected` is a whole line of standard error, except
#     "output: FILE" (a file the run must write) and "pdf-text: TEXT" (text that
#     pdftotext must find in out.pdf, spaces collapsed);
#   - nothing is left behind or changed: the folder holds the same files as before the run,
#     with the same bytes, plus only the declared outputs; no temporary file survives;
#   - no sanitizer report (the "sanitize" preset runs this corpus under ASan and UBSan);
#   - run again in Vietnamese (VANBAN_LANG=vi), no message or hint is left in English.
set -uo pipefail
case_dir=$1 vanban=$2 work=$3
name=$(basename "$case_dir")
fail() { echo "bad/$name: $*" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work" && cp -r "$case_dir"/. "$work"/ || fail "cannot copy the case"
cd "$work" || exit 1
if [ -f setup ]; then bash setup || fail "setup failed"; fi
snapshot() { find . -type f ! -name stdout ! -name stderr ! -name stderr.vi -printf '%P\n' | sort | while read -r f; do
  printf '%s %s\n' "$(md5sum < "$f" | cut -c1-32)" "$f"; done; }
before=$(snapshot)

VANBAN=$vanban bash command >stdout 2>stderr
status=$?
expected_status=$(sed -n 's/^exit //p' expected)
expected_status=${expected_status:-1}
((status < 128)) || fail "killed by signal $((status - 128)); stderr: $(head -c 2000 stderr)"
! grep -q 'Sanitizer' stderr || fail "sanitizer report: $(grep -m3 -A8 'Sanitizer' stderr)"
((status == expected_status)) || fail "exit status $status, expected $expected_status; stderr: $(head -c 2000 stderr)"

outputs=()
while IFS= read -r line; do
  case "$line" in
    "exit "*|"") ;;
    "output: "*) outputs+=("${line#output: }") ;;
    "pdf-text: "*)
      text=$(pdftotext -raw out.pdf - 2>/dev/null | tr -s ' \n' '  ')
      [[ "$text" == *"${line#pdf-text: }"* ]] || fail "out.pdf does not read '${line#pdf-text: }'" ;;
    *) grep -qxF -- "$line" stderr || fail "missing diagnostic line: $line
--- stderr was:
$(head -c 3000 stderr)" ;;
  esac
done < expected

# The same diagnostics in Vietnamese (--lang vi, here through $VANBAN_LANG): each message and
# hint of the English run must be translated, none left as it was.
if grep -qE ': (error|warning): ' expected; then
  VANBAN_LANG=vi VANBAN=$vanban bash command >stdout 2>stderr.vi
  while IFS= read -r line; do
    case "$line" in
      *": error: "*|*": warning: "*) text=${line#*: error: }; text=${text#*: warning: }; text=${text% \[*\]} ;;
      "  hint: "*) text=${line#  hint: } ;;
      *) continue ;;
    esac
    if grep -qF -- "$text" stderr.vi; then rm -f stderr.vi; fail "not translated (--lang vi): $text"; fi
  done < expected
  grep -qE ': (lỗi|cảnh báo): ' stderr.vi || { rm -f stderr.vi; fail "no Vietnamese diagnostic with --lang vi"; }
  rm -f stderr.vi
fi

after=$(snapshot)
for output in "${outputs[@]}"; do
  [ -s "$output" ] || fail "the output $output was not written"
  after=$(grep -v " $output\$" <<<"$after")
done
[ "$before" = "$after" ] || fail "files left behind or changed:
$(diff <(echo "$before") <(echo "$after"))"
echo "bad/$name: ok"
