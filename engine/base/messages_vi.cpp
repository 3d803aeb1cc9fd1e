// The Vietnamese catalog of messages (base/messages.h).
//
// Each entry: a code, an English message as the engine writes it with {} for each part that
// changes, and the Vietnamese message with {1}, {2} … for those parts. Hints have the code
// "hint". Phrases that the engine puts inside a message (why a PNG is unusable) are
// translated after it, from the phrase table at the end.
#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <vector>

#include "base/messages.h"

namespace vanban {

namespace {

struct Entry {
  const char* code;
  const char* english;
  const char* vietnamese;
};

// clang-format off
constexpr Entry catalog[] = {
  // Input and output.
  {"io.read", "cannot open file: {}", "không mở được tệp: {1}"},
  {"io.read", "cannot read file", "không đọc được tệp"},
  {"io.read", "cannot read file: it is a folder", "không đọc được tệp: đây là một thư mục"},
  {"io.read", "cannot read file: {}", "không đọc được tệp: {1}"},
  {"io.write", "cannot write output: {}", "không ghi được tệp kết quả: {1}"},
  {"io.output", "{} {}: it is {}, which writing would replace or cannot hold a PDF", "{1} {2}: đây là {3}, ghi vào sẽ thay thế nó hoặc nó không chứa được tệp PDF"},
  {"io.output", "{} {}: it is the input {}, which writing would replace", "{1} {2}: đây chính là tệp đầu vào {3}, ghi vào sẽ thay thế nó"},
  {"io.output", "{} {}: it is also the file of {}: one output would replace the other", "{1} {2}: đây cũng là tệp của {3}: kết quả này sẽ thay thế kết quả kia"},
  {"io.output", "the output {} is {}, which writing would replace or cannot hold a PDF", "tệp kết quả {1} là {2}, ghi vào sẽ thay thế nó hoặc nó không chứa được tệp PDF"},
  {"io.out-dir", "--out-dir {}: it is a file, not a folder", "--out-dir {1}: đây là một tệp, không phải thư mục"},
  {"io.out-dir", "--out-dir {}: it cannot be made: {}", "--out-dir {1}: không tạo được: {2}"},
  {"io.out-dir", "--out-dir {}: it cannot be written to", "--out-dir {1}: không được phép ghi vào"},
  {"io.write", "cannot write to standard output", "không ghi được ra đầu ra chuẩn"},
  {"io.write", "cannot create a temporary file beside the output: {}", "không tạo được tệp tạm bên cạnh tệp kết quả: {1}"},
  {"io.write", "cannot finish writing output: {}", "không ghi xong tệp kết quả: {1}"},
  {"io.write", "cannot move output into place: {}", "không đặt được tệp kết quả vào chỗ: {1}"},
  // The service (vanban serve).
  {"service.unauthorized", "this service needs its token: Authorization: Bearer TOKEN", "dịch vụ này cần mã truy cập: Authorization: Bearer TOKEN"},
  {"service.too-large", "the request is larger than this service takes", "yêu cầu lớn hơn mức dịch vụ này nhận"},
  {"hint", "send a smaller file, or start vanban serve with a larger --max-body-mb", "hãy gửi tệp nhỏ hơn, hoặc chạy vanban serve với --max-body-mb lớn hơn"},
  {"service.no-route", "there is nothing at {}", "không có gì ở {1}"},
  {"hint", "the routes are /v1/render, /v1/batch, /v1/templates, /health, /ready and /metrics",
   "các đường dẫn là /v1/render, /v1/batch, /v1/templates, /health, /ready và /metrics"},
  {"service.bad-request", "the request is not well-formed HTTP", "yêu cầu không đúng cú pháp HTTP"},
  {"template.not-found", "there is no template '{}'", "không có mẫu '{1}'"},
  {"hint", "GET /v1/templates lists them", "GET /v1/templates liệt kê các mẫu"},
  {"service.busy", "the service has as many requests waiting as it takes: try again shortly",
   "dịch vụ đang có số yêu cầu chờ tối đa: hãy thử lại sau giây lát"},
  {"service.overloaded", "the request waited too long for its turn: try again shortly", "yêu cầu đã chờ quá lâu đến lượt: hãy thử lại sau giây lát"},
  {"service.no-records", "a batch is a multipart form with the records file in 'records' and the template's name in 'template'",
   "một lô in là một biểu mẫu multipart, tệp danh sách ở trường 'records' và tên mẫu ở trường 'template'"},
  {"service.records-kind", "the records file '{}' is not .xlsx, .csv, .txt, .json or .xml", "tệp danh sách '{1}' không phải .xlsx, .csv, .txt, .json hay .xml"},
  {"service.output", "output is pdf (one print file) or zip (a PDF per record), not {}", "output là pdf (một tệp in) hoặc zip (mỗi bản ghi một PDF), không phải {1}"},
  {"service.envelope", "'template' is a template's name, in quotes", "'template' là tên của một mẫu, đặt trong ngoặc kép"},
  {"service.envelope", "'lenient' is true or false", "'lenient' là true hoặc false"},
  {"service.envelope", "'files' is an object of file names and their bytes in base64", "'files' là một đối tượng gồm tên tệp và nội dung của chúng ở dạng base64"},
  {"service.envelope", "the file '{}' of 'files' is not base64 text", "tệp '{1}' trong 'files' không phải văn bản base64"},
  {"service.envelope", "the file name '{}' of 'files' is not a name inside the document's folder", "tên tệp '{1}' trong 'files' không phải tên nằm trong thư mục của văn bản"},
  {"hint", "send {\"template\": NAME, \"data\": {…}, \"lenient\": true or false, \"sign_fields\": true or false, \"pdfa\": \"2b\", \"files\": {NAME: base64}} (docs/service.md)",
   "hãy gửi {\"template\": TÊN, \"data\": {…}, \"lenient\": true hoặc false, \"sign_fields\": true hoặc false, \"pdfa\": \"2b\", \"files\": {TÊN: base64}} (docs/service.md)"},
  {"service.envelope", "'sign_fields' is true or false", "'sign_fields' là true hoặc false"},
  {"service.envelope", "'pdfa' is \"2b\" or \"2u\"", "'pdfa' là \"2b\" hoặc \"2u\""},
  {"service.pdfa", "pdfa is 2b or 2u, not {}", "pdfa là 2b hoặc 2u, không phải {1}"},
  {"service.token", "the token file is empty", "tệp mã truy cập trống"},
  {"service.listen", "cannot listen on {}", "không mở được cổng nghe ở {1}"},
  {"hint", "is another program using the port? choose another with --port", "có chương trình khác đang dùng cổng này không? hãy chọn cổng khác bằng --port"},
  {"io.write", "cannot make a temporary folder for the batch", "không tạo được thư mục tạm cho lô in"},
  {"io.write", "cannot write {} of the batch", "không ghi được {1} của lô in"},
  {"io.write", "cannot make the batch's zip", "không tạo được tệp zip của lô in"},
  {"io.write", "cannot add {} to the batch's zip", "không thêm được {1} vào tệp zip của lô in"},
  {"io.write", "cannot finish the batch's zip", "không ghi xong tệp zip của lô in"},
  {"internal", "internal error (a bug in vanban: please report it with the request)", "lỗi nội bộ (lỗi của vanban: xin báo lại kèm yêu cầu đã gửi)"},
  // Limits.
  {"limit.input-size", "the file is {}, more than the {} allowed", "tệp nặng {1}, vượt mức {2} cho phép"},
  {"limit.input-size", "the file gives more than the {} allowed", "tệp cho ra hơn mức {1} cho phép"},
  {"limit.depth", "elements are nested more than {} deep here", "các phần tử lồng nhau quá {1} tầng ở đây"},
  {"limit.depth", "arrays and objects are nested more than {} deep here", "các mảng và đối tượng lồng nhau quá {1} tầng ở đây"},
  {"limit.depth", "the template '{}' nests sections more than {} deep: a partial that includes itself without end?",
   "mẫu '{1}' lồng các đoạn quá {2} tầng: có mẫu con tự gọi lại chính nó không dứt?"},
  {"limit.template-output", "the template '{}' makes more than {} MB of markup from this data: sections over the same list nested in one another?",
   "mẫu '{1}' tạo ra hơn {2} MB mã đánh dấu từ dữ liệu này: có các đoạn lặp trên cùng một danh sách lồng vào nhau không?"},
  {"limit.record-size", "its values are {} of text, more than the {} a document's data may be",
   "các giá trị của nó dài {1} chữ, quá {2} cho phép với dữ liệu của một văn bản"},
  {"limit.pages", "the document takes more than {} pages", "văn bản dài quá {1} trang"},
  {"limit.table-rows", "the table has more than {} rows", "bảng có quá {1} hàng"},
  {"limit.depth", "the template nests sections {} deep, more than {}", "mẫu lồng các đoạn sâu {1} tầng, quá {2}"},
  {"limit.template", "the template's sections nest so that rendering it would copy their text {} MB over",
   "các đoạn của mẫu lồng nhau đến mức khi in phải chép lại nội dung của chúng tới {1} MB"},
  {"limit.memory", "out of memory: the input is too large for this machine; use a smaller input or lower the --max-* limits",
   "hết bộ nhớ: dữ liệu quá lớn với máy này; hãy dùng dữ liệu nhỏ hơn hoặc hạ các giới hạn --max-*"},
  {"limit.memory", "out of memory: the record is too large for this machine", "hết bộ nhớ: bản ghi quá lớn với máy này"},
  // Data.
  {"data.empty", "the data file is empty", "tệp dữ liệu trống"},
  {"data.empty", "the data file has no root element", "tệp dữ liệu không có phần tử gốc"},
  {"data.xml-syntax", "malformed XML: {}", "XML sai cú pháp: {1}"},
  {"data.repeated-field", "'{}' is given {} times, where the template '{}' prints one", "'{1}' được ghi {2} lần, trong khi mẫu '{3}' chỉ in một"},
  {"data.repeated-field", "'{}' is given {} times, where the template '{}' prints at most {}", "'{1}' được ghi {2} lần, trong khi mẫu '{3}' chỉ in tối đa {4}"},
  {"data.repeated-field", "'{}' is given {} times, where the template '{}' prints one (the first at line {}, column {})",
   "'{1}' được ghi {2} lần, trong khi mẫu '{3}' chỉ in một (lần đầu ở dòng {4}, cột {5})"},
  {"data.repeated-field", "'{}' is given {} times, where the template '{}' prints at most {} (the first at line {}, column {})",
   "'{1}' được ghi {2} lần, trong khi mẫu '{3}' chỉ in tối đa {4} (lần đầu ở dòng {5}, cột {6})"},
  {"data.field-kind", "'{}' holds fields of its own ({}), not text", "'{1}' gồm các trường riêng ({2}), không phải một đoạn chữ"},
  {"data.field-kind", "'{}' is printed as {}, but it holds {}: that would not be printed", "'{1}' được in dưới dạng {2}, nhưng lại chứa {3}: phần đó sẽ không được in"},
  {"data.field-kind", "'{}' is printed as {}: its emphasis (<b>, <i>, <u>) would not be printed",
   "'{1}' được in dưới dạng {2}: phần nhấn mạnh (<b>, <i>, <u>) sẽ không được in"},
  {"data.field-kind", "'{}' is a number, written in digits: not '{}'", "'{1}' là một số, viết bằng chữ số: không phải '{2}'"},
  {"data.field-kind", "'{}' is yes or no, not '{}'", "'{1}' chỉ nhận yes hoặc no, không phải '{2}'"},
  {"data.control-character", "'{}' holds the character {}, which has no place in a document's text",
   "'{1}' chứa ký tự {2}, ký tự này không được có trong nội dung văn bản"},
  {"data.doctype", "a DOCTYPE is not allowed: vanban expands no entities and reads no DTD, so nothing outside this file is ever read into it",
   "không được dùng DOCTYPE: vanban không khai triển thực thể và không đọc DTD, nên không gì bên ngoài tệp này được đọc vào"},
  {"data.bad-utf8", "the data is not valid UTF-8: byte {}", "dữ liệu không phải UTF-8 hợp lệ: byte {1}"},
  {"data.bad-utf8", "the data is not valid UTF-8: bytes {}", "dữ liệu không phải UTF-8 hợp lệ: các byte {1}"},
  {"data.legacy-encoding", "this value is in {}: it reads {} once converted, not from {}",
   "giá trị này ở mã {1}: chuyển mã thì đọc được {2}, không phải từ {3}"},
  {"data.legacy-encoding", "this value is in {}: it reads {} once converted", "giá trị này ở mã {1}: chuyển mã thì đọc được {2}"},
  {"data.legacy-encoding", "{} is {} text read as Latin-1: it reads {} once converted, not from {}",
   "{1} là văn bản mã {2} bị đọc như Latin-1: chuyển mã thì đọc được {3}, không phải từ {4}"},
  {"data.legacy-encoding", "{} is {} text read as Latin-1: it reads {} once converted",
   "{1} là văn bản mã {2} bị đọc như Latin-1: chuyển mã thì đọc được {3}"},
  {"data.legacy-encoding", "more values look like {} text", "còn nhiều giá trị khác có vẻ là văn bản mã {1}"},
  {"data.converted", "converted from {}: {} is {}", "đã chuyển từ mã {1}: {2} thành {3}"},
  {"data.converted", "every value with Vietnamese letters ({}) was converted from {}", "mọi giá trị có chữ tiếng Việt ({1}) đã được chuyển từ mã {2}"},
  {"data.bad-date", "'{}' is not a date", "'{1}' không phải là ngày tháng"},
  {"data.bad-date", "date '{}' does not exist", "ngày '{1}' không có thật"},
  {"data.bad-number", "'{}' is not a number{}", "'{1}' không phải là số{2}"},
  {"data.bad-number", "{} needs a whole number from 0 to 999.999.999.999.999, not '{}'", "{1} cần một số nguyên từ 0 đến 999.999.999.999.999, không phải '{2}'"},
  {"data.bad-number", "{} needs a number from 1 to {}, not '{}'", "{1} cần một số từ 1 đến {2}, không phải '{3}'"},
  {"data.bad-notation", "'{}' is not a document type of Decree 30, Phụ lục III", "'{1}' không phải là loại văn bản của Nghị định 30, Phụ lục III"},
  {"data.bad-notation", "a {} has no type abbreviation (Phụ lục III)", "{1} không có chữ viết tắt tên loại (Phụ lục III)"},
  {"data.bad-notation", "a {} has no type abbreviation: its ký hiệu is the issuer's then the drafting unit's abbreviation (UBND-VX), and no unit was given",
   "{1} không có chữ viết tắt tên loại: ký hiệu gồm chữ viết tắt của cơ quan ban hành rồi của đơn vị soạn thảo (UBND-VX), mà chưa có đơn vị"},
  {"data.csv-header", "the CSV file has no header row naming its columns", "tệp CSV không có hàng tiêu đề đặt tên các cột"},
  {"data.csv-ragged", "record {} has {} cells where the header names {} columns", "bản ghi {1} có {2} ô trong khi hàng tiêu đề có {3} cột"},
  {"data.csv-unnamed-column", "the cell in column {} has a value in a column the header row does not name",
   "ô ở cột {1} có giá trị ở một cột mà hàng tiêu đề chưa đặt tên"},
  {"data.column-twice", "columns {} ({}) and {} ({}) both feed the field {}", "hai cột {1} ({2}) và {3} ({4}) cùng đưa vào trường {5}"},
  {"data.column-map", "--map {}: the header row has no column '{}'", "--map {1}: hàng tiêu đề không có cột '{2}'"},
  {"data.column-map", "--map {}: the template has no field '{}'", "--map {1}: mẫu không có trường '{2}'"},
  {"data.header-row", "--header-row {}: row {} is empty or not in the file", "--header-row {1}: hàng {2} trống hoặc không có trong tệp"},
  {"data.header-row", "--header-row {}: line {} is empty or not in the file", "--header-row {1}: dòng {2} trống hoặc không có trong tệp"},
  {"data.csv-syntax", "the CSV file cannot be read: {}", "không đọc được tệp CSV: {1}"},
  {"data.json-syntax", "the JSON file cannot be read: {}", "không đọc được tệp JSON: {1}"},
  {"data.json-records", "a JSON file of records is an array of objects: [{\"ho_ten\": …}, …]", "tệp JSON các bản ghi phải là một mảng đối tượng: [{\"ho_ten\": …}, …]"},
  {"data.json-duplicate-key", "the key '{}' is given twice in this object (the first at line {}, column {})",
   "khóa '{1}' được ghi hai lần trong đối tượng này (lần đầu ở dòng {2}, cột {3})"},
  {"data.json-records", "record {} is not an object of fields", "bản ghi {1} không phải là một đối tượng gồm các trường"},
  {"data.xml-records", "record {} (<{}>) holds no fields", "bản ghi {1} (<{2}>) không có trường nào"},
  {"data.xlsx-not-zip", "the file is not an .xlsx workbook: it is not a zip archive (save the spreadsheet as \"Excel Workbook (.xlsx)\", or as \"CSV UTF-8\" and name it .csv)",
   "tệp không phải sổ tính .xlsx: nó không phải tệp nén zip (hãy lưu bảng tính dạng \"Excel Workbook (.xlsx)\", hoặc \"CSV UTF-8\" với đuôi .csv)"},
  {"data.xlsx-library", "an .xlsx workbook cannot be read: libzip ({}) cannot be loaded: {}",
   "không đọc được sổ tính .xlsx: không nạp được thư viện libzip ({1}): {2}"},
  {"data.xlsx-part", "the workbook has no part {}: it is not a complete .xlsx file", "sổ tính thiếu phần {1}: tệp .xlsx không đầy đủ"},
  {"data.xlsx-part", "the workbook's parts unpack to more than 256 MB", "các phần của sổ tính giải nén ra hơn 256 MB"},
  {"data.xlsx-part", "the workbook's part {} cannot be written again", "không ghi lại được phần {1} của sổ tính"},
  {"data.xlsx-part", "the workbook cannot be written again", "không ghi lại được sổ tính"},
  {"data.xlsx-bad-cell", "cell {} refers to the shared string '{}', which the workbook does not have: the file is damaged",
   "ô {1} trỏ tới chuỗi dùng chung '{2}', sổ tính không có chuỗi này: tệp bị hỏng"},
  {"data.xlsx-bad-cell", "cell {} holds '{}', which is not a number: the file is damaged", "ô {1} chứa '{2}', không phải là số: tệp bị hỏng"},
  {"data.xlsx-bad-cell", "cell {} holds the date serial {}, which is no date Excel can show: the file is damaged",
   "ô {1} chứa số ngày {2}, không phải ngày nào Excel hiển thị được: tệp bị hỏng"},
  {"data.xlsx-part", "the workbook's part {} cannot be unpacked: the file is damaged", "không giải nén được phần {1} của sổ tính: tệp bị hỏng"},
  {"data.xlsx-part", "the workbook's part {} is not well-formed XML: {}", "phần {1} của sổ tính là XML sai cú pháp: {2}"},
  {"data.xlsx-part", "the workbook does not say where its sheet \"{}\" is stored", "sổ tính không cho biết trang tính \"{1}\" nằm ở đâu"},
  {"data.xlsx-part", "the cell reference '{}' is not a cell of a sheet (A1 to XFD1048576): the file is damaged",
   "địa chỉ ô '{1}' không phải một ô của trang tính (A1 đến XFD1048576): tệp bị hỏng"},
  {"data.xlsx-part", "a row is numbered {}, outside 1 to 1048576: the file is damaged", "có hàng được đánh số {1}, ngoài khoảng 1 đến 1048576: tệp bị hỏng"},
  {"data.xlsx-part", "a row has cells beyond column XFD, the last: the file is damaged", "có hàng có ô vượt quá cột cuối XFD: tệp bị hỏng"},
  {"data.xlsx-sheet", "the workbook has no sheets", "sổ tính không có trang tính nào"},
  {"data.xlsx-sheet", "the workbook has no sheet \"{}\"; its sheets are {}", "sổ tính không có trang tính \"{1}\"; các trang tính là {2}"},
  {"data.xlsx-header", "the sheet \"{}\" is empty: a row should name the columns, and the rows below it hold the records",
   "trang tính \"{1}\" trống: một hàng đặt tên các cột, các hàng dưới nó là các bản ghi"},
  {"data.xlsx-error-cell", "cell {} holds the error {} instead of a value", "ô {1} chứa lỗi {2} thay cho giá trị"},
  {"data.xlsx-unnamed-column", "cell {} has a value in a column the header row does not name", "ô {1} có giá trị ở một cột mà hàng tiêu đề chưa đặt tên"},
  {"convert.binary", "{} is {}, not text: vanban convert reads text files (XML, CSV, JSON, plain text) and .xlsx workbooks",
   "{1} là {2}, không phải văn bản: vanban convert đọc các tệp văn bản (XML, CSV, JSON, văn bản thường) và sổ tính .xlsx"},
  // Fonts and text.
  {"text.undrawable", "{} is not in the font {}: it cannot be printed; remove or replace it", "{1} không có trong phông {2}: không in được; hãy xóa hoặc thay ký tự này"},
  {"text.undrawable", "{} is outside the Basic Multilingual Plane, which the PDF writer (libharu 2.3) cannot encode: it cannot be printed; remove or replace it",
   "{1} nằm ngoài mặt phẳng đa ngữ cơ bản (BMP), bộ ghi PDF (libharu 2.3) không mã hóa được: không in được; hãy xóa hoặc thay ký tự này"},
  {"text.icu", "ICU cannot format the number {}", "thư viện ICU không định dạng được số {1}"},
  {"text.icu", "ICU {} break iterator unavailable", "thư viện ICU không có bộ tách {1}"},
  {"text.icu", "{}", "lỗi thư viện ICU: {1}"},
  {"font.load", "cannot read font file", "không đọc được tệp phông chữ"},
  {"font.load", "not a TrueType font (no glyphs)", "không phải phông TrueType (không có nét chữ)"},
  {"font.missing", "no {} face found; looked for {} or {}", "không tìm thấy kiểu chữ {1}; đã tìm {2} hoặc {3}"},
  // Templates.
  {"template.not-found", "no template file {}", "không có tệp mẫu {1}"},
  {"template.not-found", "no template '{}' (not a template's name; 'vanban templates' lists the built-in ones)",
   "không có mẫu '{1}' (đây không phải tên một mẫu; lệnh 'vanban templates' liệt kê các mẫu có sẵn)"},
  {"template.not-found", "no template '{}' (looked for {}; 'vanban templates' lists the built-in ones)",
   "không có mẫu '{1}' (đã tìm {2}; lệnh 'vanban templates' liệt kê các mẫu có sẵn)"},
  {"template.none", "no template given: use -t NAME or a template=\"NAME\" attribute on the root",
   "chưa chỉ định mẫu: dùng -t TÊN hoặc thuộc tính template=\"TÊN\" ở phần tử gốc"},
  {"template.declaration", "a template declaration's root element is <template>, not <{}>", "phần tử gốc của tệp khai báo mẫu phải là <template>, không phải <{1}>"},
  {"template.declaration", "{}=\"{}\": write yes or no", "{1}=\"{2}\": hãy viết yes hoặc no"},
  {"template.declaration", "a <field> needs a name=\"…\" attribute", "<field> cần thuộc tính name=\"…\""},
  {"template.declaration", "a <field> with aliases needs its label=\"…\" too: the header shown first",
   "<field> có aliases thì cần cả label=\"…\": tên cột được hiện trước"},
  {"template.declaration", "a <field> has no attribute '{}'", "<field> không có thuộc tính '{1}'"},
  {"template.declaration", "max=\"{}\": write how many values at most, 1 or more", "max=\"{1}\": hãy ghi số giá trị tối đa, từ 1 trở lên"},
  {"template.declaration", "kind=\"{}\" is not a kind of field", "kind=\"{1}\" không phải một loại trường"},
  {"template.declaration", "the field '{}' is declared twice", "trường '{1}' được khai báo hai lần"},
  {"template.declaration", "the field '{}' has an empty step: write names separated by single slashes",
   "trường '{1}' có một bậc trống: hãy viết các tên cách nhau bằng một dấu gạch chéo"},
  {"template.declaration", "the field '{}' is below '{}', which is declared {}: only a group has fields",
   "trường '{1}' nằm dưới '{2}', vốn được khai báo là {3}: chỉ nhóm (group) mới có trường con"},
  {"template.declaration", "the field '{}' has fields declared below it, so it is a group, not {}",
   "trường '{1}' có trường con được khai báo nên là một nhóm (group), không phải {2}"},
  {"template.declaration", "the field '{}' is a group, but no field is declared below it", "trường '{1}' là một nhóm nhưng chưa khai báo trường con nào"},
  {"template.declaration", "<fields from=\"…\"> names a shared partial of templates/partials", "<fields from=\"…\"> phải ghi tên một mẫu con dùng chung trong templates/partials"},
  {"template.declaration", "there is no declaration of the partial '{}' (no {})", "không có khai báo của mẫu con '{1}' (không có {2})"},
  {"template.no-declaration", "the template '{}' declares no fields: there is no template.xml beside {}",
   "mẫu '{1}' chưa khai báo trường nào: không có template.xml bên cạnh {2}"},
  {"template.data-path", "template=\"{}\": a data file names a built-in template, never a path",
   "template=\"{1}\": tệp dữ liệu chỉ được ghi tên một mẫu có sẵn, không bao giờ là đường dẫn"},
  {"template.unknown-field", "{}: the contract of '{}' has no field '{}' in the document", "{1}: khai báo của mẫu '{2}' không có trường '{3}' ở cấp văn bản"},
  {"template.unknown-field", "{}: the contract of '{}' has no field '{}' in '{}'", "{1}: khai báo của mẫu '{2}' không có trường '{3}' trong '{4}'"},
  {"template.unknown-field", "{}: '{}' is text, it has no field '{}'", "{1}: '{2}' là một đoạn chữ, không có trường '{3}'"},
  {"template.unknown-field", "{} sorts by '{}', which '{}' does not have", "{1} sắp xếp theo '{2}', nhưng '{3}' không có trường này"},
  {"template.not-text", "{{.}} here is {}: it prints nothing", "{{.}} ở đây là {1}: không in ra gì"},
  {"template.not-text", "{}: a helper is a section, {{#{}}}…{{/{}}}", "{1}: hàm trợ giúp phải dùng như một đoạn, {{#{2}}}…{{/{3}}}"},
  {"template.not-text", "{} says yes or no: use it as a section, {{#{}}}…{{/{}}}", "{1} chỉ cho biết có hay không: hãy dùng như một đoạn, {{#{2}}}…{{/{3}}}"},
  {"template.not-text", "{} is a list of blocks: a tag prints only text", "{1} là một chuỗi khối: một thẻ chỉ in được chữ"},
  {"template.not-text", "{} is '{}', which holds fields: a tag prints only text", "{1} là '{2}', gồm các trường: một thẻ chỉ in được chữ"},
  {"template.not-text", "{} is a flag (yes or no): it chooses what is printed, with {{#{}}}…{{/{}}}",
   "{1} là một cờ (yes hoặc no): cờ dùng để chọn nội dung in, với {{#{2}}}…{{/{3}}}"},
  {"template.not-text", "{} is '{}', which may have several values: a tag would print none of them",
   "{1} là '{2}', có thể có nhiều giá trị: một thẻ sẽ không in được giá trị nào"},
  {"template.not-text", "{} sorts a list of groups; '{}' is not one", "{1} sắp xếp một danh sách nhóm; '{2}' không phải danh sách như vậy"},
  {"template.attribute-kind", "{} places '{}', text that may hold emphasis, inside a markup attribute, where its <b> or <i> would break the markup",
   "{1} đặt '{2}', đoạn chữ có thể có nhấn mạnh, vào trong một thuộc tính của mã đánh dấu, nơi <b> hay <i> của nó sẽ làm hỏng mã"},
  {"template.unprinted-field", "the template '{}' declares '{}', but no tag prints it: its data would not be on the paper",
   "mẫu '{1}' khai báo '{2}' nhưng không thẻ nào in trường này: dữ liệu của nó sẽ không có trên giấy"},
  {"template.unprinted-value", "this value of '{}' did not reach the document (the template prints '{}' at {})",
   "giá trị này của '{1}' không có mặt trong văn bản (mẫu in '{2}' ở {3})"},
  {"template.unprinted-value", "this value of '{}' did not reach the document", "giá trị này của '{1}' không có mặt trong văn bản"},
  {"template.syntax", "Unclosed section \"{}\"", "đoạn \"{1}\" chưa được đóng"},
  {"template.syntax", "Unopened section \"{}\"", "đoạn \"{1}\" được đóng mà chưa mở"},
  {"template.syntax", "Unclosed tag", "thẻ chưa được đóng"},
  {"template.syntax", "Invalid set delimiter tag", "thẻ đổi dấu phân cách không hợp lệ"},
  {"template.syntax", "{}", "mẫu sai cú pháp: {1}"},
  {"template.render", "in a partial of template '{}': {}", "trong một mẫu con của mẫu '{1}': {2}"},
  {"template.render", "in the partial '{}' of template '{}': {}", "trong mẫu con '{1}' của mẫu '{2}': {3}"},
  {"template.unknown-helper", "'{}' is not a helper; the helpers are:{}", "'{1}' không phải là hàm trợ giúp; các hàm trợ giúp là:{2}"},
  {"template.sort-key", "vn.{} sorts '{}' by its field '{}', which this element does not have (used in {})",
   "vn.{1} sắp xếp '{2}' theo trường '{3}' của nó, nhưng phần tử này không có trường đó (dùng trong {4})"},
  {"template.unknown-helper", "{}", "hàm trợ giúp của mẫu dùng sai: {1}"},
  {"template.sort-key", "{}", "khóa sắp xếp của mẫu dùng sai: {1}"},
  {"template.partial-path", "'{{> {}}}': a partial is named, not given as a path", "'{{> {1}}}': mẫu con được gọi bằng tên, không phải bằng đường dẫn"},
  {"template.unknown-partial", "there is no partial '{}' (no {}.mustache beside the template or in templates/partials)",
   "không có mẫu con '{1}' (không có {2}.mustache bên cạnh mẫu hay trong templates/partials)"},
  {"template.partial-cycle", "the partial '{}' includes itself ({}) outside any section: it would never end",
   "mẫu con '{1}' tự gọi lại chính nó ({2}) ngoài mọi đoạn: sẽ không bao giờ dừng"},
  {"template.partial-cycle", "the partial '{}' of template '{}' is included inside itself without end",
   "mẫu con '{1}' của mẫu '{2}' tự gọi lại chính nó không dứt"},
  // Markup.
  {"markup.xml-syntax", "malformed markup: {}", "mã đánh dấu sai cú pháp: {1}"},
  {"markup.doctype", "a DOCTYPE is not allowed: vanban expands no entities and reads no DTD, so nothing outside this file is ever read into it",
   "không được dùng DOCTYPE: vanban không khai triển thực thể và không đọc DTD, nên không gì bên ngoài tệp này được đọc vào"},
  {"markup.unknown-element", "unknown element <{}> in <{}>", "phần tử <{1}> không hợp lệ trong <{2}>"},
  {"markup.unknown-attribute", "unknown attribute '{}' on <{}>", "thuộc tính '{1}' không hợp lệ ở <{2}>"},
  {"markup.missing-attribute", "<{}> needs attribute '{}'", "<{1}> cần thuộc tính '{2}'"},
  {"markup.missing-element", "a <header> with a Số or date line needs an <issuer> with a <name>", "<header> có dòng Số hoặc dòng ngày cần <issuer> có <name>"},
  {"markup.missing-element", "<table> needs at least one <column> or a row with a cell", "<table> cần ít nhất một <column> hoặc một hàng có ô"},
  {"markup.missing-element", "<document> needs a <header>", "<document> cần có <header>"},
  {"markup.bad-attribute", "<{}> {}='{}': expected {}", "<{1}> {2}='{3}': cần {4}"},
  {"markup.bad-attribute", "min-size is the floor of shrinking to max-lines: give max-lines too", "min-size là cỡ chữ nhỏ nhất khi thu cho vừa max-lines: hãy cho cả max-lines"},
  {"markup.bad-attribute", "<{}> src is empty", "<{1}> có src trống"},
  {"check.electronic-time", "the signing time '{}' is not ISO 8601: write it as 2026-12-04T09:30:00+07:00",
   "thời điểm ký '{1}' không theo ISO 8601: hãy viết dạng 2026-12-04T09:30:00+07:00"},
  {"check.electronic-time", "the signing time '{}' is not in Viet Nam's time zone: Decree 30 writes it with +07:00 (Phụ lục I, mục II.8)",
   "thời điểm ký '{1}' không theo múi giờ Việt Nam: Nghị định 30 ghi kèm +07:00 (Phụ lục I, mục II.8)"},
  {"check.electronic-number", "box 14 names the document's số and ký hiệu, and this one has none yet: give number and notation",
   "ô số 14 ghi số và ký hiệu văn bản, văn bản này chưa có: hãy cho number và notation"},
  {"markup.bad-attribute", "the signing time '{}' of <electronic-signature> is not ISO 8601 with its offset",
   "thời điểm ký '{1}' của <electronic-signature> không theo ISO 8601 kèm múi giờ"},
  {"layout.box14-too-tall", "box 14 and the circulation note take more than the top margin holds", "ô số 14 và chỉ dẫn lưu hành chiếm quá lề trên"},
  {"markup.table-row", "row has cells for {} columns; the table has {}", "hàng có ô cho {1} cột; bảng chỉ có {2}"},
  {"markup.root", "the markup root must be <document>, not <{}>", "phần tử gốc của mã đánh dấu phải là <document>, không phải <{1}>"},
  // Layout.
  {"layout.too-many-pages", "the document takes {} pages where its <page> allows {}, even with its text at the smallest sizes allowed: shorten the longest texts or use larger paper",
   "văn bản chiếm {1} trang trong khi <page> chỉ cho {2}, dù chữ đã ở cỡ nhỏ nhất cho phép: hãy rút gọn các đoạn dài nhất hoặc dùng khổ giấy lớn hơn"},
  {"layout.box-too-tall", "a <box> is taller than a page; boxes are kept whole, so shorten its text", "một <box> cao hơn một trang; khung không được tách, hãy rút gọn nội dung"},
  {"layout.outside-page", "on page 1 the text would run into the contact lines at its foot; vanban refuses to print it so: shorten the first block of the body or report this as a bug",
   "ở trang 1, văn bản sẽ tràn vào phần thông tin liên hệ ở cuối trang; vanban không in như vậy: hãy rút ngắn khối đầu tiên của phần nội dung hoặc báo lỗi này"},
  {"layout.outside-page", "on page {} the text \"{}\" would stand outside the margins; vanban refuses to print it so: shorten it or report this as a bug",
   "ở trang {1}, dòng chữ \"{2}\" sẽ nằm ngoài lề; vanban không in như vậy: hãy rút gọn hoặc báo lỗi này"},
  {"layout.outside-page", "on page {} the image {} would stand outside the margins; vanban refuses to print it so: shorten it or report this as a bug",
   "ở trang {1}, hình {2} sẽ nằm ngoài lề; vanban không in như vậy: hãy thu nhỏ hoặc báo lỗi này"},
  {"layout.outside-page", "on page {} the text \"{}\" would run off the paper; vanban refuses to print a line cut off: shorten it or report this as a bug",
   "ở trang {1}, dòng chữ \"{2}\" sẽ tràn ra ngoài tờ giấy; vanban không in một dòng bị cắt: hãy rút gọn hoặc báo lỗi này"},
  {"layout.table-too-wide", "the table's fixed columns are {} wide together, more than the {} between the margins",
   "các cột cố định của bảng rộng tổng cộng {1}, quá {2} giữa hai lề"},
  {"layout.page-too-small", "the margins leave less than an inch of the page for text", "lề chừa lại chưa đến một inch của trang để in chữ"},
  {"settings.margin", "{} margin must be {} mm (Decree 30, Phụ lục I, I.5)", "lề {1} phải từ {2} mm (Nghị định 30, Phụ lục I, I.5)"},
  {"settings.line-spacing", "line spacing must be 1–1.5 lines", "giãn dòng phải từ 1 đến 1,5 dòng"},
  // Images.
  {"image.not-found", "no image file {}", "không có tệp ảnh {1}"},
  {"image.path-escapes", "the image '{}' is outside the data file's folder", "ảnh '{1}' nằm ngoài thư mục của tệp dữ liệu"},
  {"image.bad-png", "{} is not a usable PNG: {}", "{1} không phải ảnh PNG dùng được: {2}"},
  {"image.bad-jpeg", "{} is not a usable JPEG: {}", "{1} không phải ảnh JPEG dùng được: {2}"},
  {"image.unsupported", "{} is neither a PNG nor a JPEG file", "{1} không phải tệp PNG hay JPEG"},
  {"image.too-large", "{} is {} × {} pixels ({} megapixels), more than the {} allowed", "{1} có kích thước {2} × {3} điểm ảnh ({4} megapixel), vượt mức {5} cho phép"},
  {"image.too-large", "{} is wider or taller than the pixel limit allows", "{1} rộng hoặc cao hơn mức số điểm ảnh cho phép"},
  {"pdf.image", "the image {} was not decoded before layout", "ảnh {1} chưa được giải mã trước khi dàn trang"},
  // PDF.
  {"pdf.init", "libharu could not create a document", "libharu không tạo được văn bản PDF"},
  {"pdf.libharu", "libharu failed while {}: error {}", "libharu gặp lỗi khi {1}: mã lỗi {2}"},
  {"pdf.libharu", "libharu is out of memory", "libharu hết bộ nhớ"},
  {"pdf.libharu", "libharu could not add page {}", "libharu không thêm được trang {1}"},
  {"pdf.libharu", "libharu could not hold a text string of {} bytes", "libharu không chứa được chuỗi văn bản dài {1} byte"},
  {"pdf.deflate", "out of memory for the stream compressor", "không đủ bộ nhớ cho bộ nén luồng dữ liệu"},
  {"pdf.deflate", "a stream did not fit its compression bound", "một luồng dữ liệu nén vượt quá giới hạn dự tính"},
  {"pdf.pages", "a PDF holds at most {} pages; this one has {}", "một tệp PDF chứa tối đa {1} trang; tệp này có {2}"},
  {"pdf.inflate", "a Flate stream is damaged", "một luồng nén Flate bị hỏng"},
  {"pdf.inflate", "a Flate stream inflates to more than the limit", "một luồng nén Flate giải nén vượt quá giới hạn"},
  {"pdf.inflate", "out of memory for the stream decompressor", "hết bộ nhớ cho bộ giải nén luồng"},
  {"pdf.pdfa-colour", "the image {} is CMYK, which a PDF/A file with an sRGB output intent cannot hold",
   "hình {1} dùng hệ màu CMYK, tệp PDF/A với không gian màu đầu ra sRGB không chứa được"},
  {"hint", "save it as RGB (a PNG, or an RGB JPEG)", "hãy lưu hình dạng RGB (PNG, hoặc JPEG RGB)"},
  {"pdf.libharu", "the saved document has no trailer", "tài liệu đã lưu không có trailer"},
  {"pdf.libharu", "the saved document's trailer has no /ID to fill", "trailer của tài liệu đã lưu không có /ID để điền"},
  // Signing and verifying (vanban sign, vanban verify).
  {"sign.no-input", "vanban lint-pdfa needs the PDFs to check", "vanban lint-pdfa cần các tệp PDF để kiểm tra"},
  {"sign.no-key", "vanban sign needs a key: --p12 FILE --password-file FILE, or --pkcs11-module LIB --pkcs11-uri URI --cert FILE",
   "vanban sign cần một khóa: --p12 TỆP --password-file TỆP, hoặc --pkcs11-module THƯ-VIỆN --pkcs11-uri URI --cert TỆP"},
  {"sign.time", "--time {} is not a time in ISO 8601 with its offset", "--time {1} không phải thời điểm theo ISO 8601 kèm múi giờ"},
  {"hint", "write it as 2026-12-04T09:30:00+07:00", "hãy viết dạng 2026-12-04T09:30:00+07:00"},
  {"sign.p12", "{} is not a PKCS#12 file (.p12, .pfx): {}", "{1} không phải tệp PKCS#12 (.p12, .pfx): {2}"},
  {"sign.p12", "cannot open {}: the password is wrong or the file is damaged ({})", "không mở được {1}: sai mật khẩu hoặc tệp bị hỏng ({2})"},
  {"hint", "the password file holds the password on its first line", "tệp mật khẩu ghi mật khẩu ở dòng đầu tiên"},
  {"sign.p12", "{} holds no key with its certificate", "{1} không chứa khóa kèm chứng thư số của nó"},
  {"sign.certificate", "{} holds no certificate in PEM ({})", "{1} không chứa chứng thư số dạng PEM ({2})"},
  {"sign.certificate", "the certificate in {} is not the certificate of the key {}", "chứng thư số trong {1} không phải chứng thư của khóa {2}"},
  {"sign.pkcs11", "OpenSSL's pkcs11 engine cannot be loaded: {}", "không nạp được engine pkcs11 của OpenSSL: {1}"},
  {"hint", "install libengine-pkcs11-openssl (scripts/install-deps.sh does)", "hãy cài libengine-pkcs11-openssl (scripts/install-deps.sh có cài)"},
  {"sign.pkcs11", "cannot open the PKCS#11 module {}: {}", "không mở được mô-đun PKCS#11 {1}: {2}"},
  {"hint", "--pkcs11-module names the token's library, as its maker installs it (a .so file)",
   "--pkcs11-module là thư viện của token, do hãng cài đặt (một tệp .so)"},
  {"sign.pkcs11", "the token has no key at {}, or refused the PIN: {}", "token không có khóa tại {1}, hoặc không nhận mã PIN: {2}"},
  {"hint", "p11tool --list-all or pkcs11-tool --list-objects shows the token's objects and their URIs",
   "p11tool --list-all hoặc pkcs11-tool --list-objects liệt kê các đối tượng trên token và URI của chúng"},
  {"sign.openssl", "out of memory", "hết bộ nhớ"},
  {"sign.openssl", "cannot encode a signed attribute: {}", "không mã hóa được một thuộc tính được ký: {1}"},
  {"sign.openssl", "cannot start a CMS signature: {}", "không khởi tạo được chữ ký CMS: {1}"},
  {"sign.openssl", "cannot add the signer to the CMS signature: {}", "không thêm được người ký vào chữ ký CMS: {1}"},
  {"sign.openssl", "cannot sign: {}", "không ký được: {1}"},
  {"sign.openssl", "cannot encode the CMS signature: {}", "không mã hóa được chữ ký CMS: {1}"},
  {"sign.openssl", "the signature grew past the place kept for it twice", "chữ ký hai lần vượt quá chỗ dành cho nó"},
  {"sign.bad-pdf", "{} is not a PDF vanban can read: {} (at byte {})", "{1} không phải tệp PDF vanban đọc được: {2} (tại byte {3})"},
  {"sign.bad-pdf", "the field '{}' has no /Rect", "trường '{1}' không có /Rect"},
  {"sign.bad-pdf", "the field '{}' has an empty /Rect", "trường '{1}' có /Rect rỗng"},
  {"sign.bad-pdf", "the trailer's /Root of {} is not a reference", "/Root trong trailer của {1} không phải một tham chiếu"},
  {"sign.xref-stream", "{} keeps its cross-reference in a stream (PDF 1.5 object streams), which vanban does not read",
   "{1} lưu bảng tham chiếu chéo trong một luồng (luồng đối tượng PDF 1.5), vanban không đọc loại này"},
  {"hint", "sign the PDF vanban made, before any other program rewrote it", "hãy ký tệp PDF do vanban tạo, trước khi chương trình khác ghi lại nó"},
  {"sign.no-field", "{} has no signature field", "{1} không có trường chữ ký nào"},
  {"hint", "render it with --sign-fields, which keeps Sig_Signer and Sig_Org for signing",
   "hãy tạo tệp với --sign-fields, để dành chỗ ký Sig_Signer và Sig_Org"},
  {"sign.no-field", "{} has no signature field '{}'", "{1} không có trường chữ ký '{2}'"},
  {"hint", "its signature fields are {}", "các trường chữ ký của tệp là {1}"},
  {"sign.field-signed", "the field '{}' of {} is signed already", "trường '{1}' của {2} đã được ký"},
  {"hint", "vanban verify shows its signature; sign another field", "vanban verify cho xem chữ ký đó; hãy ký trường khác"},
  {"pdf.font", "libharu is out of memory", "libharu hết bộ nhớ"},
  {"pdf.font", "hb-subset is out of memory", "hb-subset hết bộ nhớ"},
  {"pdf.font", "cannot read font file", "không đọc được tệp phông chữ"},
  {"pdf.font", "a document may draw at most 65,534 different characters", "một văn bản chỉ được dùng tối đa 65.534 ký tự khác nhau"},
  {"pdf.font", "hb-subset could not plan the subset of the font", "hb-subset không lập được phương án cắt gọn phông"},
  {"pdf.font", "hb-subset could not subset the font", "hb-subset không cắt gọn được phông"},
  {"pdf.font", "hb-subset gave an empty font", "hb-subset trả về phông rỗng"},
  // Batches.
  {"batch.template", "a batch needs its template: -t NAME", "in hàng loạt cần chỉ định mẫu: -t TÊN"},
  {"batch.output", "a batch needs somewhere to print: --merge FILE, --out-dir DIR, or both", "in hàng loạt cần nơi ghi kết quả: --merge TỆP, --out-dir THƯ-MỤC, hoặc cả hai"},
  {"batch.records-format", "{}: records are read from .xlsx, .csv, .json or .xml files (save a spreadsheet as \"Excel Workbook\" or \"CSV UTF-8\")",
   "{1}: bản ghi được đọc từ tệp .xlsx, .csv, .json hoặc .xml (hãy lưu bảng tính dạng \"Excel Workbook\" hoặc \"CSV UTF-8\")"},
  {"batch.record-sink", "the program did not take the PDF {}: {}", "chương trình gọi không nhận được tệp PDF {1}: {2}"},
  {"batch.sheet", "--sheet names a sheet of an .xlsx workbook; {} is not one", "--sheet chỉ một trang tính của sổ tính .xlsx; {1} không phải sổ tính"},
  {"batch.shard", "--shard {}: {}", "--shard {1}: {2}"},
  {"batch.name-field", "--name {}: no record has the field '{}', so no file would be named by it",
   "--name {1}: không bản ghi nào có trường '{2}', nên không tệp nào được đặt tên theo nó"},
  // Decree 30 checks.
  {"check.required-field", "the template '{}' needs '{}' ({}: {}): it is missing or blank in the document",
   "mẫu '{1}' cần '{2}' ({3}): văn bản thiếu trường này hoặc để trống"},
  {"check.required-field", "the template '{}' needs '{}' ({}: {}): it is missing or blank in '{}'",
   "mẫu '{1}' cần '{2}' ({3}): '{5}' thiếu trường này hoặc để trống"},
  {"check.required-field", "the template '{}' needs '{}', that is {}: it is missing or blank in the document",
   "mẫu '{1}' cần '{2}': văn bản thiếu trường này hoặc để trống"},
  {"check.required-field", "the template '{}' needs '{}', that is {}: it is missing or blank in '{}'",
   "mẫu '{1}' cần '{2}': '{4}' thiếu trường này hoặc để trống"},
  {"check.required-field", "the template '{}' needs '{}' ({}): it is missing or blank in the document",
   "mẫu '{1}' cần '{2}' ({3}): văn bản thiếu trường này hoặc để trống"},
  {"check.required-field", "the template '{}' needs '{}' ({}): it is missing or blank in '{}'",
   "mẫu '{1}' cần '{2}' ({3}): '{4}' thiếu trường này hoặc để trống"},
  {"check.required-field", "the template '{}' needs '{}': it is missing or blank in the document",
   "mẫu '{1}' cần '{2}': văn bản thiếu trường này hoặc để trống"},
  {"check.required-field", "the template '{}' needs '{}': it is missing or blank in '{}'",
   "mẫu '{1}' cần '{2}': '{3}' thiếu trường này hoặc để trống"},
  {"check.unknown-field", "the template '{}' has no field '{}': it would not be printed", "mẫu '{1}' không có trường '{2}': trường này sẽ không được in"},
  {"check.long-word", "a word of more than {} characters is wider than a line: it is cut between letters to fit",
   "một từ dài hơn {1} ký tự, rộng hơn một dòng: từ này bị cắt giữa các chữ cái cho vừa dòng"},
  {"check.place", "the date line has no place: Decree 30 writes \"<place>, ngày …\" (Phụ lục I, mục II.4)",
   "dòng ngày tháng thiếu địa danh: Nghị định 30 viết \"<địa danh>, ngày …\" (Phụ lục I, mục II.4)"},
  {"check.authority", "the authority '{}' is not one of TM., KT., TL., TUQ., Q. (Điều 13), written in capitals with its full stop",
   "thẩm quyền ký '{1}' không phải TM., KT., TL., TUQ., Q. (Điều 13), viết hoa và có dấu chấm"},
  {"check.authority", "{} needs what it signs for after it, in on-behalf-of: the collective for TM. (TM. ỦY BAN NHÂN DÂN), the head's position otherwise (KT. CHỦ TỊCH)",
   "sau {1} cần ghi ký thay cho ai, trong on-behalf-of: tập thể với TM. (TM. ỦY BAN NHÂN DÂN), chức vụ người đứng đầu với các trường hợp khác (KT. CHỦ TỊCH)"},
  {"check.authority", "KT. needs the deputy's own position on the second line (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)",
   "KT. cần chức vụ của cấp phó ở dòng thứ hai (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)"},
  {"check.authority", "KT. is signed by a deputy, but the position '{}' is not a Phó position", "KT. do cấp phó ký, nhưng chức vụ '{1}' không phải chức vụ Phó"},
  {"check.signer-title", "the signer's name '{}' starts with an academic title: Decree 30 writes the name alone, unless the sector allows titles (Decree 30, Phụ lục I, mục II.7)",
   "họ tên người ký '{1}' có học hàm, học vị ở đầu: Nghị định 30 chỉ ghi họ tên, trừ khi ngành cho phép (Nghị định 30, Phụ lục I, mục II.7)"},
  {"check.authority", "'{}' needs the deputy's own position on the line after it (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)",
   "'{1}' cần chức vụ của cấp phó ở dòng tiếp theo (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)"},
  {"check.recipient", "the recipient '{}' must end with ',' (Hướng dẫn 36-HD/VPTW)", "nơi nhận '{1}' phải kết thúc bằng ',' (Hướng dẫn 36-HD/VPTW)"},
  {"check.recipient", "the last recipient is '{}': a Party document ends Nơi nhận with 'Lưu Văn phòng ….' (Hướng dẫn 36-HD/VPTW)",
   "nơi nhận cuối cùng là '{1}': văn bản của Đảng kết thúc phần nơi nhận bằng 'Lưu Văn phòng ….' (Hướng dẫn 36-HD/VPTW)"},
  {"check.authority", "a Party document writes '{}', not the state's '{}' (Hướng dẫn 36-HD/VPTW)",
   "văn bản của Đảng ghi '{1}', không ghi '{2}' như văn bản hành chính (Hướng dẫn 36-HD/VPTW)"},
  {"check.authority", "the authority '{}' is not one of T/M, K/T, T/L, the prefixes of a Party document (Hướng dẫn 36-HD/VPTW)",
   "quyền hạn ký '{1}' không phải T/M, K/T hay T/L của văn bản Đảng (Hướng dẫn 36-HD/VPTW)"},
  {"check.authority", "{} needs what it signs for after it, in on-behalf-of: the committee for T/M (T/M BAN THƯỜNG VỤ), the secretary for K/T (K/T BÍ THƯ)",
   "sau {1} cần ghi ký thay cho ai (on-behalf-of): tập thể cấp ủy với T/M (T/M BAN THƯỜNG VỤ), bí thư với K/T (K/T BÍ THƯ)"},
  {"check.authority", "K/T needs the deputy's own position on the second line (K/T BÍ THƯ / PHÓ BÍ THƯ)",
   "K/T cần chức vụ của cấp phó ở dòng thứ hai (K/T BÍ THƯ / PHÓ BÍ THƯ)"},
  {"check.notation-form", "the ký hiệu '{}' of a Party document is the type's abbreviation, '/', and the issuer's (QĐ/TW, KH/ĐU), printed after the number and a '-' (Hướng dẫn 36-HD/VPTW)",
   "ký hiệu '{1}' của văn bản Đảng gồm chữ viết tắt tên loại, dấu '/' và chữ viết tắt cơ quan ban hành (QĐ/TW, KH/ĐU), in sau số và dấu '-' (Hướng dẫn 36-HD/VPTW)"},
  {"check.unknown-type", "'{}' is not a kind of Party document vanban knows (docs/party.md)",
   "'{1}' không phải loại văn bản Đảng mà vanban biết (docs/party.md)"},
  {"check.notation-type", "the ký hiệu '{}' must start with {}, the abbreviation of {} in a Party document (Hướng dẫn 36-HD/VPTW)",
   "ký hiệu '{1}' phải bắt đầu bằng {2}, chữ viết tắt của {3} trong văn bản Đảng (Hướng dẫn 36-HD/VPTW)"},
  {"template.declaration", "<profile> is 'state' (Decree 30, the default) or 'party' (Hướng dẫn 36-HD/VPTW), not '{}'",
   "<profile> là 'state' (Nghị định 30, mặc định) hoặc 'party' (Hướng dẫn 36-HD/VPTW), không phải '{1}'"},
  {"check.addressee", "the addressee '{}' starts with '-': layout writes the dash when there are several",
   "nơi gửi '{1}' bắt đầu bằng '-': khi có nhiều nơi gửi, vanban tự ghi gạch đầu dòng"},
  {"check.addressee", "an addressee other than the last must end with ';': '{}' (Phụ lục I, mục II.9a)",
   "mỗi nơi gửi, trừ nơi cuối cùng, phải kết thúc bằng ';': '{1}' (Phụ lục I, mục II.9a)"},
  {"check.addressee", "the last addressee must end with '.': '{}' (Phụ lục I, mục II.9a)",
   "nơi gửi cuối cùng phải kết thúc bằng '.': '{1}' (Phụ lục I, mục II.9a)"},
  {"check.recipient", "a document with Kính gửi opens Nơi nhận with 'Như trên;' for its addressees, not '{}' (Phụ lục III, Mẫu 1.5)",
   "văn bản có \"Kính gửi\" ghi nơi nhận đầu tiên là 'Như trên;', không phải '{1}' (Phụ lục III, Mẫu 1.5)"},
  {"check.total", "the total {} is not the sum of the {} rows above it, which is {}",
   "tổng cộng {1} không bằng tổng của {2} dòng phía trên, là {3}"},
  {"check.paper", "the paper '{}' is not A4, A3, A5, or the paper's sides from 50 to 1200 mm, such as 400x280mm",
   "khổ giấy '{1}' không phải A4, A3, A5, hay kích thước hai cạnh từ 50 đến 1200 mm, như 400x280mm"},
  {"layout.circulation-too-long", "the circulation note '{}' takes {} lines, more than the top margin holds above the Quốc hiệu",
   "chỉ dẫn phạm vi lưu hành '{1}' chiếm {2} dòng, nhiều hơn lề trên chứa được phía trên Quốc hiệu"},
  {"hint", "box 11 holds a short note: LƯU HÀNH NỘI BỘ, XEM XONG TRẢ LẠI",
   "ô số 11 chỉ ghi một chỉ dẫn ngắn: LƯU HÀNH NỘI BỘ, XEM XONG TRẢ LẠI"},
  {"check.subject", "the trích yếu starts with '{}': the template writes 'V/v ' before it, so it would print twice",
   "trích yếu bắt đầu bằng '{1}': mẫu đã ghi 'V/v ' trước trích yếu, nên sẽ in hai lần"},
  {"check.ending", "the text's last paragraph ends with './.' (Phụ lục III, Mẫu 1.1–1.9)",
   "đoạn cuối của văn bản kết thúc bằng './.' (Phụ lục III, Mẫu 1.1–1.9)"},
  {"check.recipient", "the recipient '{}' starts with '-': the template writes the dash", "nơi nhận '{1}' bắt đầu bằng '-': mẫu đã tự ghi gạch đầu dòng"},
  {"check.recipient", "the recipient '{}' must end with ';' (Phụ lục I, mục II.9b)", "nơi nhận '{1}' phải kết thúc bằng ';' (Phụ lục I, mục II.9b)"},
  {"check.recipient", "the last recipient is '{}': Decree 30 ends Nơi nhận with 'Lưu: VT, <drafting unit>.' (Phụ lục I, mục II.9b)",
   "nơi nhận cuối cùng là '{1}': Nghị định 30 kết thúc Nơi nhận bằng 'Lưu: VT, <đơn vị soạn thảo>.' (Phụ lục I, mục II.9b)"},
  {"check.recipient", "Điều {} names who carries the decision out: Nơi nhận begins with '{};' (Phụ lục III, Mẫu 1.2)",
   "Điều {1} nêu ai thi hành quyết định: Nơi nhận bắt đầu bằng '{2};' (Phụ lục III, Mẫu 1.2)"},
  {"check.basis", "the last căn cứ line ends with '.' (Decree 30, Phụ lục I, mục II.6)", "dòng căn cứ cuối cùng kết thúc bằng '.' (Nghị định 30, Phụ lục I, mục II.6)"},
  {"check.basis", "a căn cứ line other than the last ends with ';' (Decree 30, Phụ lục I, mục II.6)", "các dòng căn cứ trước dòng cuối kết thúc bằng ';' (Nghị định 30, Phụ lục I, mục II.6)"},
  {"check.article-number", "article {} is numbered '{}': articles are numbered 1, 2, 3 … in order (Decree 30, Phụ lục I, mục II.6)",
   "điều thứ {1} được đánh số '{2}': các điều đánh số 1, 2, 3 … theo thứ tự (Nghị định 30, Phụ lục I, mục II.6)"},
  {"check.ending", "the last article ends with './.' (Phụ lục I, mục II.6)", "điều cuối cùng kết thúc bằng './.' (Phụ lục I, mục II.6)"},
  {"check.date-order", "{} ({}) comes before the document's date ({})", "{1} ({2}) sớm hơn ngày của văn bản ({3})"},
  {"check.date-order", "{} ({}) comes after the document's date ({})", "{1} ({2}) muộn hơn ngày của văn bản ({3})"},
  {"check.duplicate", "'{}' is listed twice in this group, with the same position (first at line {})",
   "'{1}' có tên hai lần trong nhóm này, cùng chức vụ (lần đầu ở dòng {2})"},
  {"check.field-length", "{} is {} characters, more than the {} of Phụ lục VI", "{1} dài {2} ký tự, vượt mức {3} của Phụ lục VI"},
  {"check.field-length", "the issuer's name is more than the 200 characters of Phụ lục VI", "tên cơ quan ban hành dài quá 200 ký tự của Phụ lục VI"},
  {"check.number-form", "the number '{}' must be written in Arabic digits", "số '{1}' phải viết bằng chữ số Ả Rập"},
  {"check.number-form", "the number is 0: numbering starts at 01 on 1 January", "số là 0: số văn bản bắt đầu từ 01 vào ngày 01 tháng 01"},
  {"check.number-form", "the number '{}' is longer than 11 digits (Phụ lục VI)", "số '{1}' dài hơn 11 chữ số (Phụ lục VI)"},
  {"check.number-form", "the number '{}' has a leading zero: only 1–9 are written 01–09", "số '{1}' có số 0 ở đầu: chỉ các số 1–9 mới viết 01–09"},
  {"check.notation-form", "the ký hiệu is empty", "ký hiệu để trống"},
  {"check.notation-form", "the ký hiệu '{}' is longer than 30 characters (Phụ lục VI)", "ký hiệu '{1}' dài hơn 30 ký tự (Phụ lục VI)"},
  {"check.notation-form", "the ký hiệu '{}' holds a '/': administrative documents carry no year, the form 30/2020/NĐ-CP belongs to legal normative documents",
   "ký hiệu '{1}' có dấu '/': văn bản hành chính không ghi năm, dạng 30/2020/NĐ-CP là của văn bản quy phạm pháp luật"},
  {"check.notation-form", "the ký hiệu '{}' must be abbreviations joined by '-' with no spaces, each starting with a capital letter (KH-UBND)",
   "ký hiệu '{1}' phải gồm các chữ viết tắt nối bằng '-', không có dấu cách, mỗi chữ bắt đầu bằng chữ hoa (KH-UBND)"},
  {"check.unknown-type", "'{}' is not a document type of Decree 30, Phụ lục III", "'{1}' không phải là loại văn bản của Nghị định 30, Phụ lục III"},
  {"check.notation-type", "a {} has no type abbreviation, but the ký hiệu '{}' starts with {}, the abbreviation of {}",
   "{1} không có chữ viết tắt tên loại, nhưng ký hiệu '{2}' lại bắt đầu bằng {3}, chữ viết tắt của {4}"},
  {"check.notation-type", "the ký hiệu '{}' must start with {}, the abbreviation of {} (Phụ lục III), in that case",
   "ký hiệu '{1}' phải bắt đầu bằng {2}, chữ viết tắt của {3} (Phụ lục III), viết đúng chữ hoa, chữ thường như thế"},
  {"check.notation-type", "the ký hiệu '{}' must start with {}, the abbreviation of {} (Phụ lục III)", "ký hiệu '{1}' phải bắt đầu bằng {2}, chữ viết tắt của {3} (Phụ lục III)"},
  {"internal", "internal error: {} (a bug in vanban: please report it with the input that caused it)",
   "lỗi nội bộ: {1} (lỗi của vanban: xin báo lại kèm dữ liệu gây ra lỗi)"},

  {"batch.map", "'{}' is not COLUMN=FIELD", "'{1}' không có dạng CỘT=TRƯỜNG"},
  {"batch.columns", "--map and --header-row are for a table's columns (.xlsx, .csv); {} names its fields itself",
   "--map và --header-row dùng cho các cột của bảng (.xlsx, .csv); {1} tự đặt tên các trường của nó"},
  {"home.not-found", "VANBAN_HOME is '{}', which holds no templates/ and fonts/ folders",
   "VANBAN_HOME là '{1}', nơi không có thư mục templates/ và fonts/"},
  {"home.not-found", "vanban's templates and fonts are not beside the program ({}) nor in {}",
   "không tìm thấy mẫu và phông chữ của vanban bên cạnh chương trình ({1}) hay trong {2}"},
  {"home.not-found", "no {}/ folder in vanban's home '{}'", "không có thư mục {1}/ trong thư mục gốc '{2}' của vanban"},
  {"hint", "give the folder that holds templates/ and fonts/ (an installed share/vanban, or vanban's source folder) as the engine's home, or set VANBAN_HOME",
   "hãy chỉ thư mục chứa templates/ và fonts/ (share/vanban đã cài, hoặc thư mục mã nguồn của vanban) làm thư mục gốc, hoặc đặt VANBAN_HOME"},
  {"home.missing-program", "{}, the program that runs this command, is not beside vanban ({}) nor at {}",
   "không có {1}, chương trình chạy lệnh này, bên cạnh vanban ({2}) hay tại {3}"},
  {"hint", "build the whole project (cmake --build), or install it again",
   "hãy dựng toàn bộ dự án (cmake --build), hoặc cài đặt lại"},
  {"home.missing-program", "cannot start {}: {}", "không khởi động được {1}: {2}"},
  {"resource.outside", "'{}' is not a path inside {}", "'{1}' không phải đường dẫn nằm trong {2}"},
  {"hint", "give a path from inside the folder, without \"..\" and not starting with \"/\"",
   "hãy ghi đường dẫn từ bên trong thư mục, không có \"..\" và không bắt đầu bằng \"/\""},
  {"resource.outside", "'{}' leads out of {} through a symbolic link", "'{1}' dẫn ra ngoài {2} qua một liên kết tượng trưng"},
  {"hint", "copy the file into the folder instead of linking to it", "hãy chép tệp vào thư mục thay vì liên kết tới nó"},
  {"batch.repeated", "the same error as record {}'s [{}] in {} more records: {}", "cùng lỗi [{2}] như bản ghi {1} ở {3} bản ghi khác: {4}"},
  {"batch.repeated", "the same warning as record {}'s [{}] in {} more records: {}", "cùng cảnh báo [{2}] như bản ghi {1} ở {3} bản ghi khác: {4}"},
  {"data.json-document", "a document's JSON data is one object of fields: {\"template\": …, \"title\": …}",
   "dữ liệu JSON của một văn bản là một đối tượng gồm các trường: {\"template\": …, \"title\": …}"},
  {"data.json-document", "a document's JSON data is one object of fields, not an array (an array of records is for vanban batch)",
   "dữ liệu JSON của một văn bản là một đối tượng gồm các trường, không phải một mảng (mảng các bản ghi dùng cho vanban batch)"},
  {"check.draft", "a draft: no number yet, the Số line keeps room to write it in when the document is issued (Phụ lục I, mục II.3)",
   "bản dự thảo: chưa có số, dòng Số để trống chỗ ghi số khi ban hành (Phụ lục I, mục II.3)"},
  {"check.draft", "a draft: no date yet, the date line keeps room for the day, month and year (Phụ lục I, mục II.4)",
   "bản dự thảo: chưa có ngày, dòng ngày tháng để trống chỗ ghi ngày, tháng, năm (Phụ lục I, mục II.4)"},
  {"data.row-above-header", "row {} is above the header (row {}) and is not printed: {}", "hàng {1} nằm trên hàng tiêu đề (hàng {2}) nên không được in: {3}"},
  {"data.row-above-header", "line {} is above the header (line {}) and is not printed: {}", "dòng {1} nằm trên dòng tiêu đề (dòng {2}) nên không được in: {3}"},
  // Hints.
  {"hint", "if it is a record, give the header's row with --header-row", "nếu đó là một bản ghi, hãy chỉ hàng tiêu đề bằng --header-row"},
  {"hint", "tab-separated text (Excel's \"Unicode Text\") is read as .txt or .tsv", "văn bản phân cách bằng tab (\"Unicode Text\" của Excel) được đọc dưới dạng .txt hoặc .tsv"},
  {"hint", "set VANBAN_HOME to vanban's source folder or its installed share/vanban, or unset it",
   "hãy đặt VANBAN_HOME là thư mục mã nguồn của vanban hoặc share/vanban đã cài, hoặc bỏ biến này"},
  {"hint", "run the vanban of a build or an install, or set VANBAN_HOME to the folder that holds templates/ and fonts/",
   "hãy chạy vanban của bản dựng hoặc bản cài đặt, hoặc đặt VANBAN_HOME là thư mục chứa templates/ và fonts/"},
  {"hint", "write it 2020-06-22, 22/06/2020 or 22/6/2020 (day first)", "hãy viết 2020-06-22, 22/06/2020 hoặc 22/6/2020 (ngày trước)"},
  {"hint", "the day comes first: 22/06/2020 is 22 June", "ngày viết trước: 22/06/2020 là ngày 22 tháng 6"},
  {"hint", "write the column's header, '=', and the field it feeds: --map 'Họ tên=recipient/name' ('-' leaves it out)",
   "hãy viết tên cột, dấu '=', rồi trường mà cột đưa vào: --map 'Họ tên=recipient/name' ('-' để bỏ cột)"},
  {"hint", "the sheet names the column twice: delete one, or rename it", "bảng đặt cùng một tên cho hai cột: hãy xóa hoặc đổi tên một cột"},
  {"hint", "name the column in the header row (row {}), or clear the cell", "hãy đặt tên cột ở hàng tiêu đề (hàng {1}), hoặc xóa ô này"},
  {"hint", "leave one out with --map '{}=-', or map it to another field", "hãy bỏ một cột bằng --map '{1}=-', hoặc đưa nó vào trường khác"},
  {"hint", "the header row is the one that names the columns: STT, Họ và tên, …", "hàng tiêu đề là hàng đặt tên các cột: STT, Họ và tên, …"},
  {"hint", "`vanban templates NAME` lists the fields; '-' leaves a column out", "lệnh `vanban templates TÊN` liệt kê các trường; '-' để bỏ một cột"},
  {"hint", "did you mean '{}'?", "có phải ý bạn là '{1}'?"},
  {"hint", "did you mean <{}>?", "có phải ý bạn là <{1}>?"},
  {"hint", "did you mean '{}'? the data has '{}' at line {}, column {}", "có phải ý bạn là '{1}'? dữ liệu có '{2}' ở dòng {3}, cột {4}"},
  {"hint", "did you mean '{}'? the data has '{}'", "có phải ý bạn là '{1}'? dữ liệu có '{2}'"},
  {"hint", "'vanban templates {}' lists the fields it reads", "lệnh 'vanban templates {1}' liệt kê các trường mẫu này dùng"},
  {"hint", "<{}> holds {} (docs/markup.md)", "<{1}> chứa được {2} (docs/markup.md)"},
  {"hint", "check that this is the file you meant; raise the limit with --max-input-mb", "hãy kiểm tra đúng tệp cần dùng chưa; nâng giới hạn bằng --max-input-mb"},
  {"hint", "no document needs this: look for elements left open, or raise the limit with --max-depth",
   "không văn bản nào cần như vậy: hãy tìm các phần tử chưa đóng, hoặc nâng giới hạn bằng --max-depth"},
  {"hint", "records are flat objects, with a few nested ones (recipient: {name, role}); raise the limit with --max-depth",
   "bản ghi là đối tượng phẳng, chỉ lồng ít (recipient: {name, role}); nâng giới hạn bằng --max-depth"},
  {"hint", "a section inside itself repeats its list once for every item of it", "một đoạn lặp nằm trong chính nó sẽ lặp lại cả danh sách cho mỗi mục của danh sách"},
  {"hint", "look for a cell that holds a whole file; raise the limit with --max-input-mb", "hãy tìm ô chứa cả một tệp; nâng giới hạn bằng --max-input-mb"},
  {"hint", "narrow the columns, or give some a share of the width (width=\"*\") instead", "hãy thu hẹp các cột, hoặc cho một số cột chia phần chiều rộng (width=\"*\")"},
  {"hint", "raise the limit with --max-depth if the data really nests so deep", "nâng giới hạn bằng --max-depth nếu dữ liệu thực sự lồng sâu như vậy"},
  {"hint", "check the data for a text pasted many times over; raise the limit with --max-pages",
   "hãy xem dữ liệu có đoạn văn bị dán lặp nhiều lần không; nâng giới hạn bằng --max-pages"},
  {"hint", "split the list into several tables or documents, or raise the limit with --max-table-rows",
   "hãy tách danh sách thành nhiều bảng hoặc nhiều văn bản, hoặc nâng giới hạn bằng --max-table-rows"},
  {"hint", "a document's data is an XML file: 'vanban templates NAME' lists the fields a template reads",
   "dữ liệu của văn bản là một tệp XML: lệnh 'vanban templates TÊN' liệt kê các trường của mẫu"},
  {"hint", "remove the <!DOCTYPE …> declaration, and write the text itself where an &entity; stands",
   "hãy bỏ khai báo <!DOCTYPE …> và viết thẳng nội dung vào chỗ có &thực-thể;"},
  {"hint", "put spaces where the text has lost them, or shorten a pasted address", "hãy thêm dấu cách vào chỗ bị mất, hoặc rút gọn địa chỉ dán vào"},
  {"hint", "give every column a name in the first row", "hãy đặt tên cho mọi cột ở hàng đầu tiên"},
  {"hint", "a cell that holds a comma or a line break must be in double quotes: \"{}\"", "ô có dấu phẩy hoặc xuống dòng phải đặt trong ngoặc kép: \"{1}\""},
  {"hint", "close every {{#name}} with {{/name}}, in order", "hãy đóng mỗi {{#tên}} bằng {{/tên}}, theo đúng thứ tự"},
  {"hint", "put the partial as NAME.mustache beside main.mustache (or in templates/partials) and write {{> NAME}}; partials never come from outside the template's folder",
   "hãy đặt mẫu con thành TÊN.mustache cạnh main.mustache (hoặc trong templates/partials) và viết {{> TÊN}}; mẫu con không bao giờ được lấy từ ngoài thư mục của mẫu"},
  {"hint", "include a partial in itself only inside a section over data that ends, as a tree's {{#children}}{{> node}}{{/children}}",
   "chỉ gọi mẫu con trong chính nó bên trong một đoạn duyệt dữ liệu có điểm dừng, như cây {{#children}}{{> node}}{{/children}}"},
  {"hint", "copy the image into the data file's folder (or a folder inside it) and give its path from there",
   "hãy chép ảnh vào thư mục của tệp dữ liệu (hoặc thư mục con) và ghi đường dẫn tính từ đó"},
  {"hint", "free some space on the disk and run again; nothing was written, and an earlier {} is as it was",
   "hãy giải phóng dung lượng đĩa rồi chạy lại; chưa có gì được ghi, tệp {1} cũ vẫn nguyên vẹn"},
  {"hint", "write to a folder that exists and that you may write to", "hãy ghi vào một thư mục có thật và được phép ghi"},
  {"hint", "render with --input-encoding {}, which converts only the values in {}, or convert the file with 'vanban convert --from {} {}'",
   "hãy in với --input-encoding {1}, tùy chọn này chỉ chuyển các giá trị ở mã {2}, hoặc chuyển mã cả tệp bằng 'vanban convert --from {3} {4}'"},
  {"hint", "the file was cut or saved in pieces: save it again as UTF-8 (\"CSV UTF-8\" in Excel)",
   "tệp bị cắt hoặc được ghi thành nhiều mảnh: hãy lưu lại dưới dạng UTF-8 (\"CSV UTF-8\" trong Excel)"},
  {"hint", "the document takes {}", "văn bản nhận các trường {1}"},
  {"hint", "'{}' takes {}", "'{1}' nhận các trường {2}"},
  {"hint", "it is left out of the document (--lenient)", "trường này bị bỏ khỏi văn bản (--lenient)"},
  {"hint", "keep the one to print: a second value here would not be on the paper", "hãy giữ lại giá trị cần in: giá trị thứ hai ở đây sẽ không có trên giấy"},
  {"hint", "keep at most {} values", "hãy giữ tối đa {1} giá trị"},
  {"hint", "write its fields inside it: 'vanban templates {}' lists them", "hãy ghi các trường của nó vào bên trong: lệnh 'vanban templates {1}' liệt kê chúng"},
  {"hint", "write the text alone, without attributes or other elements; line breaks are the template's to make",
   "hãy chỉ ghi nội dung chữ, không có thuộc tính hay phần tử khác; việc xuống dòng do mẫu quyết định"},
  {"hint", "write the value alone", "hãy chỉ ghi giá trị"},
  {"hint", "{{number}} is the record's number; other names are the records' columns or fields", "{{number}} là số thứ tự của bản ghi; các tên khác là cột hoặc trường của bản ghi"},
  {"hint", "shorten its longest texts, or lower the --max-* limits", "hãy rút gọn các đoạn dài nhất, hoặc hạ các giới hạn --max-*"},
  {"hint", "give the real file's path; write to standard output with - (-o -)", "hãy ghi đường dẫn của tệp thật; ghi ra đầu ra chuẩn bằng - (-o -)"},
  {"hint", "give the real file's path; write to standard output with -", "hãy ghi đường dẫn của tệp thật; ghi ra đầu ra chuẩn bằng -"},
  {"hint", "give the path of a file to write", "hãy ghi đường dẫn của một tệp để ghi"},
  {"hint", "write the output to another file", "hãy ghi kết quả ra một tệp khác"},
  {"hint", "give each output a file of its own", "hãy cho mỗi kết quả một tệp riêng"},
  {"hint", "give a folder that exists or can be made, and that you may write to", "hãy chọn một thư mục có sẵn hoặc tạo được, và được phép ghi"},
  {"hint", "keep the one to print: JSON keeps only one of them, and a second value would not be on the paper",
   "hãy giữ lại giá trị cần in: JSON chỉ giữ một trong hai, và giá trị thứ hai sẽ không có trên giấy"},
  {"hint", "write it without <b>, <i> or <u>: the template sets its style", "hãy ghi không có <b>, <i> hay <u>: mẫu sẽ định kiểu chữ"},
  {"hint", "remove it: it was probably pasted in with the text", "hãy xóa ký tự này: có lẽ nó bị dán vào cùng nội dung"},
  {"hint", "remove it: no document's text holds it", "hãy xóa: nội dung văn bản không bao giờ có ký tự này"},
  {"hint", "in the markup made from it, {}", "trong mã đánh dấu tạo ra từ giá trị này, {1}"},
  {"hint", "an emblem, a signature or a seal needs a few hundred pixels a side; scale the image down, or raise the limit with --max-image-mp",
   "quốc huy, chữ ký hay con dấu chỉ cần vài trăm điểm ảnh mỗi cạnh; hãy thu nhỏ ảnh, hoặc nâng giới hạn bằng --max-image-mp"},
  {"hint", "scale the image down, or raise the limit with --max-image-mp", "hãy thu nhỏ ảnh, hoặc nâng giới hạn bằng --max-image-mp"},
  {"hint", "a field takes name, required, kind, list, max, label and aliases (docs/templates.md, \"Declaring a template\")",
   "một trường nhận các thuộc tính name, required, kind, list, max, label và aliases (docs/templates.md, \"Declaring a template\")"},
  {"hint", "the kinds are text, inline, date, number, notation, image, flag, group and body",
   "các loại là text, inline, date, number, notation, image, flag, group và body"},
  {"hint", "declare its fields ({}/name …), or give it a kind: text, inline, body …", "hãy khai báo các trường con ({1}/name …), hoặc cho nó một loại: text, inline, body …"},
  {"hint", "declare every field it prints in template.xml (docs/templates.md, \"Declaring a template\"): without it, vanban cannot tell data it would print from data it would lose",
   "hãy khai báo mọi trường mẫu in trong template.xml (docs/templates.md, \"Declaring a template\"): thiếu nó, vanban không phân biệt được dữ liệu sẽ in với dữ liệu sẽ mất"},
  {"hint", "'vanban templates' lists the built-in ones; a template of your own is given with -t PATH",
   "lệnh 'vanban templates' liệt kê các mẫu có sẵn; mẫu của riêng bạn được chỉ định bằng -t ĐƯỜNG-DẪN"},
  {"hint", "here the document has {} (template.xml)", "ở cấp văn bản có {1} (template.xml)"},
  {"hint", "here '{}' has {} (template.xml)", "ở đây '{1}' có {2} (template.xml)"},
  {"hint", "a name means the innermost section's own field; {{@root.NAME}} reaches the document's",
   "một tên chỉ trường của chính đoạn trong cùng; {{@root.TÊN}} để lấy trường của văn bản"},
  {"hint", "walk it with {{#content}}…{{/content}}", "hãy duyệt nó bằng {{#content}}…{{/content}}"},
  {"hint", "enter it with {{#{}}}…{{/{}}} and print its fields", "hãy vào nó bằng {{#{1}}}…{{/{2}}} rồi in các trường của nó"},
  {"hint", "print each with {{#{}}}{{.}}{{/{}}}", "hãy in từng giá trị bằng {{#{1}}}{{.}}{{/{2}}}"},
  {"hint", "print a field of it by name", "hãy in một trường của nó theo tên"},
  {"hint", "declare it kind=\"text\" in template.xml (plain text), or place it in an element",
   "hãy khai báo kind=\"text\" trong template.xml (chữ thường), hoặc đặt nó trong một phần tử"},
  {"hint", "print it in the template, or remove its <field> from template.xml", "hãy in trường này trong mẫu, hoặc bỏ <field> của nó khỏi template.xml"},
  {"hint", "a section around it in the template was false for this document; 'vanban render --markup FILE' shows what the template made",
   "một đoạn bao quanh nó trong mẫu không thỏa với văn bản này; lệnh 'vanban render --markup TỆP' cho xem mẫu đã tạo ra gì"},
  {"hint", "no document needs this: look for sections left open, or raise the limit with --max-depth",
   "không văn bản nào cần như vậy: hãy tìm các đoạn chưa đóng, hoặc nâng giới hạn bằng --max-depth"},
  {"hint", "write the sections one after another rather than each inside the last", "hãy viết các đoạn nối tiếp nhau thay vì đoạn này lồng trong đoạn kia"},
};

// Parts the engine writes inside a message, in English.
constexpr std::pair<const char*, const char*> phrases[] = {
  {"the meeting (", "cuộc họp ("},
  {"the decision (", "quyết định ("},
  {"the last day it is valid (", "ngày cuối cùng có giá trị ("},
  {"UTF-8 hợp lệ: bytes ", "UTF-8 hợp lệ: các byte "},
  {"truncated inside a chunk", "bị cắt cụt giữa một khối dữ liệu"},
  {"truncated (no IEND chunk)", "bị cắt cụt (không có khối IEND)"},
  {"no PNG signature", "không có chữ ký PNG"},
  {"the first chunk is not IHDR", "khối đầu tiên không phải IHDR"},
  {"impossible size", "kích thước không hợp lệ"},
  {"truncated before its frame header", "bị cắt cụt trước phần đầu khung ảnh"},
  {"truncated inside a segment", "bị cắt cụt giữa một đoạn"},
  {"truncated (no end-of-image marker)", "bị cắt cụt (không có dấu kết thúc ảnh)"},
  {"the file ends inside the image data", "tệp kết thúc giữa dữ liệu ảnh"},
  {"Not enough image data", "không đủ dữ liệu ảnh"},
  {"Premature end of JPEG file", "tệp JPEG kết thúc sớm"},
  {"Invalid IHDR data", "dữ liệu IHDR không hợp lệ"},
  {"in the document", "trong văn bản"},
  {"the document takes", "văn bản nhận các trường"},
  {"the document", "văn bản"},
  {"the character reference ", "tham chiếu ký tự "},
  {" stands for a character XML does not allow", " chỉ một ký tự mà XML không cho phép"},
  {"the control character ", "ký tự điều khiển "},
  {"plain text", "chữ thường"},
  {"a helper's text", "chữ của hàm trợ giúp"},
  {"a group", "một nhóm"},
  {"the trích yếu", "trích yếu"},
  {"the type name", "tên loại"},
  {"the signer's position", "chức vụ người ký"},
  {"the signer's name", "họ tên người ký"},
  {"No document element found", "không có phần tử gốc"},
  {"Start-end tags mismatch", "thẻ mở và thẻ đóng không khớp"},
  {"Error parsing start element tag", "thẻ mở phần tử sai"},
  {"File too large", "tệp quá lớn (đĩa đầy)"},
  {"a symbolic link", "một liên kết tượng trưng"},
  {"a folder", "một thư mục"},
  {"a device", "một thiết bị"},
  {"a FIFO (named pipe)", "một ống có tên (FIFO)"},
  {"a zip archive", "một tệp nén zip"},
  {"a PDF", "một tệp PDF"},
  {"an image", "một tệp ảnh"},
  {"a binary file (it holds zero bytes)", "một tệp nhị phân (có byte 0)"},
  {"No space left on device", "đĩa đã đầy"},
  {"Not a directory", "không phải thư mục"},
  {"No such file or directory", "không có tệp hoặc thư mục này"},
  {"Permission denied", "không có quyền"},
};
// clang-format on

// An English pattern as a regular expression: literal text, each {} a part that changes.
std::regex pattern_of(std::string_view english) {
  std::string regex = "^";
  for (std::size_t at = 0; at < english.size(); ++at) {
    if (english.compare(at, 2, "{}") == 0) {
      regex += "(.+?)";
      ++at;
    } else if (std::string_view("\\^$.|?*+()[]{}").find(english[at]) != std::string_view::npos) {
      regex += '\\';
      regex += english[at];
    } else {
      regex += english[at];
    }
  }
  return std::regex(regex + "$");
}

struct Compiled {
  std::string code;
  std::regex english;
  std::string vietnamese;
};

const std::vector<Compiled>& compiled_catalog() {
  static const std::vector<Compiled> all = [] {
    std::vector<Compiled> made;
    for (const auto& entry : catalog) made.push_back({entry.code, pattern_of(entry.english), entry.vietnamese});
    return made;
  }();
  return all;
}

std::string apply_phrases(std::string text) {
  for (const auto& [english, vietnamese] : phrases) {
    for (auto at = text.find(english); at != std::string::npos; at = text.find(english, at)) {
      text.replace(at, std::string_view(english).size(), vietnamese);
      at += std::string_view(vietnamese).size();
    }
  }
  return text;
}

// The Vietnamese pattern of an entry, its {1}, {2} … replaced by parts (0-based), then the
// phrase table applied.
std::string fill_vietnamese(std::string_view vietnamese, const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t at = 0; at < vietnamese.size(); ++at) {
    const bool placeholder = vietnamese[at] == '{' && at + 2 < vietnamese.size() && vietnamese[at + 2] == '}' &&
                             vietnamese[at + 1] >= '1' && vietnamese[at + 1] <= '9';
    const auto index = placeholder ? static_cast<std::size_t>(vietnamese[at + 1] - '1') : parts.size();
    if (index < parts.size()) {
      out += parts[index];
      at += 2;
    } else {
      out += vietnamese[at];
    }
  }
  return apply_phrases(out);
}

// The message in Vietnamese, or nullopt if no entry of this code matches it.
std::optional<std::string> vietnamese_of(std::string_view code, const std::string& english) {
  for (const auto& entry : compiled_catalog()) {
    if (entry.code != code) continue;
    std::smatch parts;
    if (!std::regex_match(english, parts, entry.english)) continue;
    std::vector<std::string> found;
    for (std::size_t k = 1; k < parts.size(); ++k) found.push_back(parts[k].str());
    return fill_vietnamese(entry.vietnamese, found);
  }
  return std::nullopt;
}

// A diagnostic made with its format and arguments (Diagnostic::message_format): its entry is
// the one of its code whose English is that format, found in one look-up.
// By the sentence the engine made a message or hint from, and its parts.
std::optional<std::string> vietnamese_of_format(std::string_view code, std::string_view format,
                                                const std::vector<std::string>& arguments) {
  static const std::map<std::pair<std::string_view, std::string_view>, std::string_view> by_format = [] {
    std::map<std::pair<std::string_view, std::string_view>, std::string_view> made;
    for (const auto& entry : catalog) made.emplace(std::pair{std::string_view(entry.code), std::string_view(entry.english)}, entry.vietnamese);
    return made;
  }();
  const auto found = by_format.find({code, format});
  if (found == by_format.end()) return std::nullopt;
  return fill_vietnamese(found->second, arguments);
}

}  // namespace

bool has_vietnamese_format(std::string_view code, std::string_view format) {
  return std::any_of(std::begin(catalog), std::end(catalog),
                     [&](const Entry& entry) { return entry.code == code && entry.english == format; });
}

bool has_vietnamese(std::string_view code) {
  return std::any_of(std::begin(catalog), std::end(catalog), [&](const Entry& entry) { return entry.code == code; });
}

Diagnostic translate(const Diagnostic& diagnostic, Language language) {
  if (language == Language::english) return diagnostic;
  Diagnostic out = diagnostic;
  // By format and arguments where the diagnostic has them (its hints too); else (a message
  // made as plain text, a library's own words) by matching the English against the entries' patterns.
  // --lenient's words after a message, and those naming a cited decision before it, are
  // translated apart from it.
  const auto ends_lenient = [](const std::string& text) {
    return text.size() >= lenient_suffix.size() &&
           text.compare(text.size() - lenient_suffix.size(), lenient_suffix.size(), lenient_suffix) == 0;
  };
  const auto starts_cited = [](const std::string& text) { return text.rfind(cited_decision_prefix, 0) == 0; };
  const bool lenient = ends_lenient(diagnostic.message);
  const bool cited = starts_cited(diagnostic.message);
  // The sentence between those words, as views: what is looked up, not a copy of the diagnostic.
  std::string_view message_text = diagnostic.message, format = diagnostic.message_format;
  if (lenient) {
    message_text.remove_suffix(lenient_suffix.size());
    if (ends_lenient(diagnostic.message_format)) format.remove_suffix(lenient_suffix.size());
  }
  if (cited) {
    message_text.remove_prefix(cited_decision_prefix.size());
    if (starts_cited(diagnostic.message_format)) format.remove_prefix(cited_decision_prefix.size());
  }
  auto message = format.empty() ? std::nullopt : vietnamese_of_format(diagnostic.code, format, diagnostic.arguments);
  if (!message) message = vietnamese_of(diagnostic.code, std::string(message_text));
  if (message) {
    out.message = (cited ? "quyết định được trích dẫn: " : "") + std::move(*message) + (lenient ? " (vẫn in: --lenient)" : "");
  }
  for (std::size_t k = 0; k < out.hints.size(); ++k) {
    std::optional<std::string> translated;
    if (k < out.hint_formats.size() && !out.hint_formats[k].empty()) {
      static const std::vector<std::string> none;
      translated = vietnamese_of_format("hint", out.hint_formats[k], k < out.hint_arguments.size() ? out.hint_arguments[k] : none);
    }
    if (!translated) translated = vietnamese_of("hint", out.hints[k]);
    if (translated) out.hints[k] = std::move(*translated);
  }
  return out;
}

std::optional<std::string> vietnamese_help(std::string_view english) {
  // The command-line help, line for line (engine/cli/command_line.cpp); --lang vi shows it.
  static const std::map<std::string_view, std::string_view> help{
    {"vanban: Vietnamese administrative documents, typeset by Decree 30/2020/NĐ-CP",
     "vanban: văn bản hành chính Việt Nam, trình bày theo Nghị định 30/2020/NĐ-CP"},
    {"Render a data file through its template to PDF",
     "Dựng tệp dữ liệu qua mẫu của nó thành PDF"},
    {"Check a data file against Decree 30 without printing it",
     "Kiểm tra tệp dữ liệu theo Nghị định 30 mà không in"},
    {"List the built-in templates, or the fields of one",
     "Liệt kê các mẫu có sẵn, hoặc các trường của một mẫu"},
    {"Print one template over many records: a spreadsheet's rows",
     "In một mẫu cho nhiều bản ghi: các hàng của một bảng tính"},
    {"Convert a text file or a workbook typed in TCVN3, VNI or Windows-1258 to Unicode (UTF-8, NFC)",
     "Chuyển tệp văn bản hoặc bảng tính gõ bằng TCVN3, VNI hay Windows-1258 sang Unicode (UTF-8, NFC)"},
    {"Serve the engine over HTTP for e-office systems, with a page for clerks at /",
     "Phục vụ qua HTTP cho các hệ thống văn phòng điện tử, kèm trang cho văn thư ở /"},
    {"address to listen on (0.0.0.0 for every interface)", "địa chỉ để nghe (0.0.0.0 cho mọi giao diện mạng)"},
    {"TCP port (0: any free one)", "cổng TCP (0: một cổng trống bất kỳ)"},
    {"documents made at once (default: one per core)", "số văn bản làm cùng lúc (mặc định: mỗi lõi một)"},
    {"requests that may wait for a worker; one more is answered 429", "số yêu cầu được chờ đến lượt; thêm một yêu cầu nữa sẽ nhận 429"},
    {"the largest request body, in MB (larger: 413)", "thân yêu cầu lớn nhất, tính bằng MB (lớn hơn: 413)"},
    {"a file holding the bearer token every /v1/ request must give", "tệp chứa mã truy cập (bearer token) mà mọi yêu cầu /v1/ phải gửi"},
    {"no access log", "không ghi nhật ký truy cập"},
    {"seconds a request may wait for a worker (longer: 503)", "số giây một yêu cầu được chờ đến lượt (lâu hơn: 503)"},
    {"seconds a client may send or read nothing before it is dropped", "số giây máy khách được phép không gửi hay nhận gì trước khi bị ngắt"},
    {"Print a shell completion script: vanban completion bash",
     "In tập lệnh tự hoàn thành cho shell: vanban completion bash"},
    {"Print the manual page (roff): vanban man > vanban.1",
     "In trang hướng dẫn (roff): vanban man > vanban.1"},
    {"Print this help message and exit",
     "In trợ giúp này rồi thoát"},
    {"Display program version information and exit",
     "In phiên bản chương trình rồi thoát"},
    {"language of messages: en (default) or vi (also $VANBAN_LANG)",
     "ngôn ngữ thông báo: en (mặc định) hoặc vi (hoặc biến $VANBAN_LANG)"},
    {"the document's data, XML or JSON, or - for standard input",
     "dữ liệu của văn bản, XML hoặc JSON, hoặc - để đọc từ đầu vào chuẩn"},
    {"xml or json (default: from DATA's name, or its first character)",
     "xml hoặc json (mặc định: theo tên DATA, hoặc ký tự đầu tiên)"},
    {"PDF to write, or - for standard output (default: DATA.pdf here)",
     "tệp PDF cần ghi, hoặc - để ghi ra đầu ra chuẩn (mặc định: DATA.pdf ở thư mục này)"},
    {"built-in template name (templates/NAME) or a template path (default: the data's own)",
     "tên mẫu có sẵn (templates/TÊN) hoặc đường dẫn mẫu (mặc định: mẫu dữ liệu chỉ định)"},
    {"folder with the four faces of Times New Roman or Liberation Serif (default: fonts/)",
     "thư mục chứa bốn kiểu chữ Times New Roman hoặc Liberation Serif (mặc định: fonts/)"},
    {"folder with the four faces (default: fonts/)",
     "thư mục chứa bốn kiểu chữ (mặc định: fonts/)"},
    {"also write the layout trace to this file",
     "ghi thêm vết dàn trang vào tệp này"},
    {"also write the document markup the template produced",
     "ghi thêm mã đánh dấu văn bản mà mẫu tạo ra"},
    {"each record's PDF keeps unsigned signature fields where the signer and the organisation sign",
     "tệp PDF của mỗi bản ghi dành sẵn các trường chữ ký số chưa ký ở chỗ người có thẩm quyền và cơ quan ký"},
    {"keep unsigned signature fields where the signer and the organisation sign (Sig_Signer, Sig_Org)",
     "dành sẵn các trường chữ ký số chưa ký ở chỗ người có thẩm quyền và cơ quan ký (Sig_Signer, Sig_Org)"},
    {"Sign a signature field of a PDF (PAdES B-B), with a key file or a token, as an incremental update",
     "Ký số một trường chữ ký của tệp PDF (PAdES B-B), bằng tệp khóa hoặc token, dưới dạng cập nhật nối thêm"},
    {"the PDF to sign, made with --sign-fields", "tệp PDF cần ký, tạo với --sign-fields"},
    {"the field to sign: Sig_Signer (the signer) or Sig_Org (the organisation, with its seal)",
     "trường cần ký: Sig_Signer (người có thẩm quyền) hoặc Sig_Org (cơ quan, kèm hình con dấu)"},
    {"the signed PDF to write (never the input: a PDF handed over is not rewritten)",
     "tệp PDF đã ký cần ghi (không bao giờ là tệp đầu vào: tệp PDF đã bàn giao không bị ghi đè)"},
    {"the signer's key and certificate in a PKCS#12 file (.p12, .pfx)", "khóa và chứng thư số của người ký trong tệp PKCS#12 (.p12, .pfx)"},
    {"a file whose first line is the PKCS#12 file's password", "tệp có dòng đầu là mật khẩu của tệp PKCS#12"},
    {"the token's PKCS#11 library (a USB token's, or SoftHSM's)", "thư viện PKCS#11 của token (của USB token, hoặc của SoftHSM)"},
    {"the key on the token: pkcs11:token=…;object=…", "khóa trên token: pkcs11:token=…;object=…"},
    {"the token key's certificate (and its chain) in PEM", "chứng thư số của khóa trên token (và chuỗi chứng thư) dạng PEM"},
    {"a file whose first line is the token's PIN", "tệp có dòng đầu là mã PIN của token"},
    {"the field's appearance: the signer's image or the seal (PNG with transparency, or JPEG)",
     "hình hiển thị của trường: hình chữ ký hoặc con dấu (PNG nền trong suốt, hoặc JPEG)"},
    {"the signing time, ISO 8601 with its offset (default: now, +07:00)", "thời điểm ký, theo ISO 8601 kèm múi giờ (mặc định: bây giờ, +07:00)"},
    {"Check every signature of a PDF: valid or not, what it covers, who signed and when",
     "Kiểm tra mọi chữ ký của tệp PDF: hợp lệ hay không, phủ phần nào, ai ký và khi nào"},
    {"the signed PDF", "tệp PDF đã ký"},
    {"trusted CA certificates in PEM: also check each signer's certificate leads to one",
     "chứng thư các CA tin cậy dạng PEM: kiểm tra thêm chứng thư của từng người ký dẫn tới một CA đó"},
    {"print the report as JSON", "in báo cáo dạng JSON"},
    {"write PDF/A-2 for archiving: 2b (the look kept) or 2u (and the text as Unicode)",
     "ghi PDF/A-2 để lưu trữ: 2b (giữ nguyên hình thức) hoặc 2u (và văn bản dạng Unicode)"},
    {"write each PDF as PDF/A-2: 2b or 2u", "ghi mỗi tệp PDF dạng PDF/A-2: 2b hoặc 2u"},
    {"Check PDFs against the PDF/A-2 rules that apply to what vanban writes, named by veraPDF's numbers",
     "Kiểm tra tệp PDF theo các quy tắc PDF/A-2 áp dụng cho những gì vanban ghi, đánh số như veraPDF"},
    {"the PDFs to check", "các tệp PDF cần kiểm tra"},
    {"b or u (default: the level each file claims)", "b hoặc u (mặc định: mức mà từng tệp tự công bố)"},
    {"list the rules the lint checks, and nothing else", "chỉ liệt kê các quy tắc được kiểm tra"},
    {"also write each signature field's name, page and rectangle (points, and mm from the top left) as JSON",
     "ghi thêm tên, trang và khung của từng trường chữ ký (theo point, và theo mm tính từ góc trên bên trái) dạng JSON"},
    {"DATA is document markup (docs/markup.md): lay it out without a template",
     "DATA là mã đánh dấu văn bản (docs/markup.md): dàn trang không qua mẫu"},
    {"print line-breaking figures to standard error",
     "in số liệu ngắt dòng ra đầu ra lỗi chuẩn"},
    {"print despite Decree 30 and template errors (e.g. an office's own ký hiệu form), as warnings",
     "vẫn in dù có lỗi theo Nghị định 30 hay theo mẫu (ví dụ ký hiệu theo cách riêng của cơ quan), coi là cảnh báo"},
    {"print despite Decree 30 and template errors, as warnings",
     "vẫn in dù có lỗi theo Nghị định 30 hay theo mẫu, coi là cảnh báo"},
    {"total-fit (Knuth-Plass, default) or first-fit (word processor)",
     "total-fit (Knuth-Plass, mặc định) hoặc first-fit (như trình soạn thảo)"},
    {"the data holds TCVN3 (ABC, .VnTime), VNI or Windows-1258 text: convert the values that read as Vietnamese",
     "dữ liệu có chữ TCVN3 (ABC, .VnTime), VNI hoặc Windows-1258: chuyển các giá trị đọc ra tiếng Việt"},
    {"the data holds TCVN3, VNI or Windows-1258 text: convert the values that read as Vietnamese",
     "dữ liệu có chữ TCVN3, VNI hoặc Windows-1258: chuyển các giá trị đọc ra tiếng Việt"},
    {"the records hold TCVN3, VNI or Windows-1258 text: convert the values that read as Vietnamese",
     "các bản ghi có chữ TCVN3, VNI hoặc Windows-1258: chuyển các giá trị đọc ra tiếng Việt"},
    {"largest input file in MB (default: 8 for data, markup and templates; 1024 for batch records)",
     "tệp đầu vào lớn nhất, tính bằng MB (mặc định: 8 cho dữ liệu, mã đánh dấu và mẫu; 1024 cho bản ghi in hàng loạt)"},
    {"deepest nesting of elements, JSON and template sections (at most 1000)",
     "độ lồng sâu nhất của phần tử, JSON và đoạn mẫu (tối đa 1000)"},
    {"most pages of one document",
     "số trang nhiều nhất của một văn bản"},
    {"most rows of one table",
     "số hàng nhiều nhất của một bảng"},
    {"most pixels of one image, in megapixels (default: 50)",
     "số điểm ảnh nhiều nhất của một ảnh, tính bằng megapixel (mặc định: 50)"},
    {"top margin in mm (20-25)",
     "lề trên, tính bằng mm (20-25)"},
    {"bottom margin in mm (20-25)",
     "lề dưới, tính bằng mm (20-25)"},
    {"left margin in mm (30-35)",
     "lề trái, tính bằng mm (30-35)"},
    {"right margin in mm (15-20)",
     "lề phải, tính bằng mm (15-20)"},
    {"the template whose required fields to check (default: the data's own)",
     "mẫu dùng để kiểm tra các trường bắt buộc (mặc định: mẫu dữ liệu chỉ định)"},
    {"a template: list the fields it reads, required ones starred",
     "một mẫu: liệt kê các trường nó đọc, trường bắt buộc có dấu sao"},
    {"the records: an .xlsx workbook, .csv (UTF-8, as Excel or LibreOffice export it), .txt (tab-separated), .json (an array of objects) or .xml (a list)",
     "các bản ghi: bảng tính .xlsx, .csv (UTF-8, như Excel hoặc LibreOffice xuất ra), .txt (phân cách bằng tab), .json (một mảng đối tượng) hoặc .xml (một danh sách)"},
    {"the .xlsx workbook's sheet to read (default: the first)",
     "trang tính cần đọc của bảng tính .xlsx (mặc định: trang đầu tiên)"},
    {"COLUMN=FIELD: the column with this header feeds FIELD ('-': leave it out); headers the template names (Họ và tên, Chức vụ …) need none",
     "CỘT=TRƯỜNG: cột có tiêu đề này đưa vào TRƯỜNG ('-': bỏ cột); các tiêu đề mẫu đã biết (Họ và tên, Chức vụ …) không cần"},
    {"CSV: the separator, ',' ';' or tab (default: found from the first lines)",
     "CSV: ký tự phân cách, ',' ';' hoặc tab (mặc định: tìm từ các dòng đầu)"},
    {"a file of COLUMN=FIELD lines, as --map (# starts a comment)",
     "tệp gồm các dòng CỘT=TRƯỜNG, như --map (# bắt đầu chú thích)"},
    {"the row that names the columns (default: found below any title rows)",
     "hàng đặt tên các cột (mặc định: tự tìm bên dưới các hàng tiêu đề)"},
    {"built-in template name or path",
     "tên mẫu có sẵn hoặc đường dẫn mẫu"},
    {"an XML or JSON file of the fields every record shares (authority, signer, decision)",
     "tệp XML hoặc JSON gồm các trường chung của mọi bản ghi (cấp khen, người ký, quyết định)"},
    {"one print-ready PDF of every record, in input order",
     "một tệp PDF để in gồm mọi bản ghi, theo thứ tự đầu vào"},
    {"one PDF per record in this folder",
     "mỗi bản ghi một tệp PDF trong thư mục này"},
    {"the file name of each record's PDF, a Mustache pattern over its fields",
     "tên tệp PDF của mỗi bản ghi, một mẫu Mustache theo các trường của nó"},
    {"fold diacritics out of the file names (Nguyễn -> Nguyen)",
     "bỏ dấu trong tên tệp (Nguyễn -> Nguyen)"},
    {"worker threads (default: all cores)",
     "số luồng xử lý (mặc định: mọi lõi)"},
    {"a row per record: row, name, status, output, pages, problem (CSV, or JSON with --report-format json)",
     "mỗi bản ghi một hàng: hàng, tên, trạng thái, tệp ra, số trang, vấn đề (CSV, hoặc JSON với --report-format json)"},
    {"skip records whose complete PDF is already in --out-dir",
     "bỏ qua các bản ghi đã có tệp PDF hoàn chỉnh trong --out-dir"},
    {"check and lay out every record, print nothing and write no file but the report",
     "kiểm tra và dàn trang mọi bản ghi, không in và không ghi tệp nào ngoài báo cáo"},
    {"csv (the default) or json",
     "csv (mặc định) hoặc json"},
    {"K/N: only the K-th of N slices (N alone: K from the array job's index)",
     "K/N: chỉ phần thứ K trong N phần (chỉ N: K lấy từ chỉ số của mảng tác vụ)"},
    {"no progress and no summary; problems are still printed",
     "không hiện tiến độ và tổng kết; các vấn đề vẫn được in"},
    {"file to convert, or - for standard input",
     "tệp cần chuyển, hoặc - để đọc từ đầu vào chuẩn"},
    {"tcvn3 (ABC, .VnTime fonts), vni (VNI-Times fonts) or cp1258 (Windows-1258)",
     "tcvn3 (phông ABC, .VnTime), vni (phông VNI-Times) hoặc cp1258 (Windows-1258)"},
    {"file to write, or - for standard output (the default)",
     "tệp cần ghi, hoặc - để ghi ra đầu ra chuẩn (mặc định)"},
    {"the text was set in a TCVN3 capitals font (.VnTimeH): write it in capitals",
     "văn bản dùng phông chữ hoa TCVN3 (.VnTimeH): viết thành chữ hoa"},
    {"bash",
     "bash"},
  };
  const auto found = help.find(english);
  if (found == help.end()) return std::nullopt;
  return std::string(found->second);
}

std::optional<Language> language_named(std::string_view name) {
  if (name.rfind("vi", 0) == 0) return Language::vietnamese;
  if (name.rfind("en", 0) == 0 || name == "C" || name == "POSIX") return Language::english;
  return std::nullopt;
}

std::string format_diagnostic(const Diagnostic& diagnostic, Language language) {
  if (language == Language::english) return format_diagnostic(diagnostic);
  return format_diagnostic_in(translate(diagnostic, language), {"lỗi", "cảnh báo", "gợi ý", "bản ghi"});
}

}  // namespace vanban
