// The clerks' page (docs/service.md, "The page"): a form built from a template's declaration
// (GET /v1/templates/NAME), sent to POST /v1/render; a workbook sent to POST /v1/batch with the
// form's fields as the common data. Nothing is fetched from anywhere but this service.
'use strict';

// Labels for fields whose declaration gives no column header, by the field's own name.
const LABELS = {
  authority: 'Thẩm quyền', recipient: 'Người (tập thể) được khen', honorific: 'Danh xưng', name: 'Họ và tên',
  role: 'Chức vụ, đơn vị', achievement: 'Thành tích', decision: 'Quyết định', number: 'Số', notation: 'Ký hiệu',
  date: 'Ngày', 'golden-book': 'Số sổ vàng', place: 'Địa danh', signer: 'Người ký', position: 'Chức vụ',
  'on-behalf-of': 'Ký thay mặt cho', 'signature-image': 'Ảnh chữ ký', seal: 'Ảnh con dấu', 'seal-size': 'Cỡ con dấu',
  issuer: 'Cơ quan ban hành', parent: 'Cơ quan chủ quản', line: 'Dòng', subject: 'Trích yếu', body: 'Nội dung',
  recipients: 'Nơi nhận', type: 'Loại văn bản', paper: 'Khổ giấy', emblem: 'Quốc huy', title: 'Tiêu đề', to: 'Kính gửi',
  circulation: 'Độ mật, độ khẩn', time: 'Thời gian', venue: 'Địa điểm', attendees: 'Thành phần', delegate: 'Đại biểu',
  unit: 'Đơn vị', note: 'Ghi chú', item: 'Mục', items: 'Danh sách', purpose: 'Mục đích', content: 'Nội dung',
  addressees: 'Kính gửi', appendix: 'Phụ lục', article: 'Điều', attachment: 'Danh sách kèm theo', basis: 'Căn cứ',
  by: 'Người trình bày, chủ trì', chair: 'Chủ trì', closing: 'Đoạn kết', collective: 'Tập thể', competence: 'Thẩm quyền',
  contact: 'Thông tin liên hệ', detail: 'Chi tiết', group: 'Nhóm đại biểu', intro: 'Phần mở đầu', meeting: 'Cuộc họp',
  p: 'Đoạn', person: 'Cá nhân', ranked: 'Giữ thứ tự đã nhập', secretary: 'Thư ký', session: 'Buổi, phiên',
  space: 'Khoảng ký, đóng dấu', text: 'Nội dung',
};
const KINDS = {
  date: 'ngày', number: 'số', notation: 'ký hiệu', image: 'ảnh PNG hoặc JPEG', flag: 'có/không', body: 'các đoạn',
};

const $ = (id) => document.getElementById(id);
const state = { template: null, files: {}, pdfUrl: null, batchUrl: null };

function headers(extra) {
  const h = Object.assign({ 'Accept-Language': 'vi', Accept: 'application/json' }, extra || {});
  const token = $('token').value.trim();
  if (token) h.Authorization = 'Bearer ' + token;
  return h;
}

async function api(path, options) {
  const response = await fetch(path, Object.assign({}, options, { headers: headers(options && options.headers) }));
  if (response.status === 401) $('token-row').hidden = false;
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  return { status: response.status, ok: response.ok, body };
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === 'class') node.className = value;
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function labelOf(spec) {
  const own = spec.path.split('/').pop();
  return spec.label || LABELS[own] || own;
}

// The declaration's flat list of paths as a tree: each group holds its fields, in order.
function treeOf(fields) {
  const root = { children: [] };
  const byPath = { '': root };
  for (const spec of fields) {
    const node = { spec, children: [] };
    byPath[spec.path] = node;
    const parent = spec.path.includes('/') ? spec.path.slice(0, spec.path.lastIndexOf('/')) : '';
    (byPath[parent] || root).children.push(node);
  }
  return root;
}

function readImage(input) {
  const file = input.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => { state.files[file.name] = String(reader.result).split(',')[1]; };
  reader.readAsDataURL(file);
}

function leafInput(spec) {
  const kind = spec.kind;
  let input;
  if (kind === 'body') {
    input = el('textarea', { rows: '8', placeholder: 'Mỗi đoạn cách nhau một dòng trống' });
  } else if (kind === 'inline') {
    input = el('textarea', { rows: '2' });
  } else if (kind === 'date') {
    input = el('input', { type: 'date' });
  } else if (kind === 'flag') {
    input = el('input', { type: 'checkbox' });
  } else if (kind === 'image') {
    input = el('input', { type: 'file', accept: 'image/png,image/jpeg' });
    input.addEventListener('change', () => readImage(input));
  } else {
    input = el('input', { type: 'text' });
    if (kind === 'number') input.setAttribute('inputmode', 'numeric');
  }
  input.dataset.kind = kind;
  input.classList.add('value');
  return input;
}

// One field: a label, its input, and the place its problems are shown.
function leafRow(spec) {
  const input = leafInput(spec);
  const id = 'f-' + Math.random().toString(36).slice(2);
  input.id = id;
  // The kind as a hint, unless the label says it already ("Số", "Ký hiệu").
  const kind = KINDS[spec.kind];
  const hint = kind && kind !== labelOf(spec).toLowerCase() ? ' (' + kind + ')' : '';
  return el('div', { class: 'field' },
    el('label', { for: id, title: spec.description || '' }, labelOf(spec) + (spec.required ? ' *' : '') + hint),
    input, el('div', { class: 'field-problems' }));
}

// A field or group that repeats (max is 0 for any number, or more than 1): its instances and
// a button to add one.
function repeated(spec, make) {
  const list = el('div', { class: 'repeated' });
  list.dataset.path = spec.path;
  list.dataset.max = String(spec.max);
  const add = el('button', { type: 'button', class: 'add' }, '+ Thêm ' + labelOf(spec).toLowerCase());
  const addOne = () => {
    if (spec.max > 0 && list.children.length >= spec.max) return;
    const item = make();
    item.classList.add('instance');
    const remove = el('button', { type: 'button', class: 'remove', title: 'Bỏ' }, '×');
    remove.addEventListener('click', () => item.remove());
    item.append(remove);
    list.append(item);
  };
  add.addEventListener('click', addOne);
  addOne();
  return el('div', { class: 'repeat' }, list, add);
}

function groupBox(node) {
  const box = el('fieldset', { class: 'group' }, el('legend', { title: node.spec.description || '' },
    labelOf(node.spec) + (node.spec.required ? ' *' : '')));
  box.append(el('div', { class: 'field-problems' }));
  for (const child of node.children) box.append(fieldOf(child));
  box.dataset.path = node.spec.path;
  return box;
}

function fieldOf(node) {
  const spec = node.spec;
  const make = spec.kind === 'group' ? () => groupBox(node) : () => {
    const row = leafRow(spec);
    row.dataset.path = spec.path;
    return row;
  };
  if (spec.max !== 1) return repeated(spec, make);
  return make();
}

function buildForm(description) {
  state.template = description;
  state.files = {};
  const fields = $('fields');
  fields.textContent = '';
  const tree = treeOf(description.fields);
  for (const node of tree.children) fields.append(fieldOf(node));
  $('summary').textContent = description.summary_vi || description.summary;
  $('batch').hidden = false;
  clearProblems();
}

// The form's values as the document's JSON data, each input marked with the path the engine
// gives its value in diagnostics ("to[2]" for the second of several, "to" for one alone).
function valueOf(input) {
  const kind = input.dataset.kind;
  if (kind === 'flag') return input.checked ? 'yes' : null;
  if (kind === 'image') return input.files[0] ? input.files[0].name : null;
  const text = input.value.trim();
  if (!text) return null;
  if (kind === 'body') return text.split(/\n\s*\n/).map((p) => ({ p: p.replace(/\s*\n\s*/g, ' ').trim() }));
  return text;
}

function collectChildren(container, prefix) {
  const out = {};
  for (const child of container.children) {
    if (child.classList.contains('repeat')) {
      const list = child.querySelector('.repeated');
      const name = list.dataset.path.split('/').pop();
      const values = [];
      const inputsOf = [];
      for (const item of list.children) {
        const v = item.matches('fieldset') ? collectGroup(item, null) : valueOf(item.querySelector('.value'));
        if (v !== null) { values.push(v); inputsOf.push(item); }
      }
      inputsOf.forEach((item, i) => mark(item, prefix + name + (values.length > 1 ? '[' + (i + 1) + ']' : '')));
      if (values.length) out[name] = values;
    } else if (child.matches('fieldset.group')) {
      const name = child.dataset.path.split('/').pop();
      const v = collectGroup(child, prefix + name);
      if (v !== null) out[name] = v;
    } else if (child.matches('.field')) {
      const name = child.dataset.path.split('/').pop();
      mark(child, prefix + name);
      const v = valueOf(child.querySelector('.value'));
      if (v !== null) out[name] = v;
    }
  }
  return out;
}

function collectGroup(box, path) {
  if (path !== null) mark(box, path);
  const inner = collectChildren(box, (path !== null ? path : box.dataset.diag || '') + '/');
  return Object.keys(inner).length ? inner : null;
}

// A repeated group's fields get their paths once the group's own is known.
function mark(node, path) {
  node.dataset.diag = path;
  if (node.matches('fieldset.group')) collectChildren(node, path + '/');
}

function collect() {
  return collectChildren($('fields'), '');
}

function clearProblems() {
  for (const box of document.querySelectorAll('.field-problems')) box.textContent = '';
  for (const node of document.querySelectorAll('.has-problem')) node.classList.remove('has-problem');
  $('problems').hidden = true;
  $('problems').textContent = '';
}

function describe(d) {
  const where = d.line ? ' (dòng ' + d.line + ', cột ' + d.column + ')' : '';
  return el('div', { class: 'problem ' + d.severity },
    el('strong', {}, d.severity === 'error' ? 'Lỗi: ' : 'Cảnh báo: '), d.message + (d.field ? '' : where),
    ...d.hints.map((h) => el('div', { class: 'hint' }, 'Gợi ý: ' + h)));
}

// Each diagnostic beside the field it names, else at the top of the form.
function showProblems(diagnostics) {
  clearProblems();
  for (const d of diagnostics) {
    let target = null;
    if (d.field) {
      target = document.querySelector('[data-diag="' + CSS.escape(d.field) + '"]') ||
        document.querySelector('[data-diag="' + CSS.escape(d.field.replace(/\[\d+\]/g, '')) + '"]') ||
        document.querySelector('[data-path="' + CSS.escape(d.field.replace(/\[\d+\]/g, '')) + '"]');
    }
    const box = target && target.querySelector(':scope > .field-problems');
    if (box) {
      box.append(describe(d));
      target.classList.add('has-problem');
    } else {
      $('problems').append(describe(d));
      $('problems').hidden = false;
    }
  }
  const first = document.querySelector('.has-problem, #problems:not([hidden])');
  if (first) first.scrollIntoView({ block: 'center' });
}

function blobOf(base64, type) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

function fileName(extension) {
  const data = collect();
  const base = [state.template.name, data.number, data.recipient && data.recipient.name].filter(Boolean).join('-');
  return base.replace(/[\\/:*?"<>|]/g, '-') + extension;
}

async function render(event) {
  event.preventDefault();
  const request = { template: state.template.name, data: collect() };
  if (Object.keys(state.files).length) request.files = state.files;
  // Signature fields where the signer and the organisation sign (docs/electronic.md).
  if ($('sign-fields').checked) request.sign_fields = true;
  $('status').textContent = 'Đang dựng văn bản…';
  $('download').hidden = true;
  const answer = await api('/v1/render', {
    method: 'POST', body: JSON.stringify(request), headers: { 'Content-Type': 'application/json' },
  });
  if (!answer.body) {
    $('status').textContent = 'Dịch vụ không trả lời được (mã ' + answer.status + ').';
    return;
  }
  showProblems(answer.body.diagnostics || []);
  if (!answer.ok) {
    $('status').textContent = 'Chưa in được: hãy sửa các lỗi được chỉ ra bên cạnh các trường.';
    $('preview').removeAttribute('src');
    return;
  }
  if (state.pdfUrl) URL.revokeObjectURL(state.pdfUrl);
  state.pdfUrl = URL.createObjectURL(blobOf(answer.body.pdf, 'application/pdf'));
  $('preview').src = state.pdfUrl + '#page=1';
  $('download').href = state.pdfUrl;
  $('download').download = fileName('.pdf');
  $('download').hidden = false;
  $('status').textContent = 'Văn bản có ' + answer.body.pages + ' trang.';
}

function reportTable(report) {
  const names = { printed: 'đã in', failed: 'không in được', skipped: 'bỏ qua' };
  const table = el('table', {}, el('tr', {}, el('th', {}, 'Bản ghi'), el('th', {}, 'Hàng'), el('th', {}, 'Tên'),
    el('th', {}, 'Kết quả'), el('th', {}, 'Vấn đề')));
  for (const row of report) {
    table.append(el('tr', { class: row.status },
      el('td', {}, String(row.record)), el('td', {}, String(row.row)), el('td', {}, row.name || ''),
      el('td', {}, names[row.status] || row.status),
      el('td', {}, row.problems.map((p) => p.message + ' [' + p.code + ']').join('; '))));
  }
  return table;
}

async function runBatch() {
  const file = $('records').files[0];
  $('report').textContent = '';
  $('batch-download').hidden = true;
  if (!file) {
    $('report').append(el('p', { class: 'problem error' }, 'Hãy chọn tệp danh sách (.xlsx hoặc .csv).'));
    return;
  }
  const output = $('output').value;
  const form = new FormData();
  form.append('template', state.template.name);
  form.append('records', file, file.name);
  const common = collect();
  if (Object.keys(common).length) form.append('common', JSON.stringify(common));
  form.append('output', output);
  if ($('sign-fields').checked) form.append('sign_fields', 'true');
  $('report').append(el('p', { class: 'note' }, 'Đang in danh sách…'));
  const answer = await api('/v1/batch', { method: 'POST', body: form });
  $('report').textContent = '';
  if (!answer.body) {
    $('report').append(el('p', { class: 'problem error' }, 'Dịch vụ không trả lời được (mã ' + answer.status + ').'));
    return;
  }
  if (answer.body.diagnostics) {
    for (const d of answer.body.diagnostics) $('report').append(describe(d));
    return;
  }
  const report = answer.body.report || [];
  const printed = report.filter((r) => r.status === 'printed').length;
  $('report').append(el('p', { class: 'summary' }, 'Đã in ' + printed + ' / ' + report.length + ' bản.'),
    reportTable(report));
  const base64 = answer.body[output];
  if (!base64) return;
  if (state.batchUrl) URL.revokeObjectURL(state.batchUrl);
  state.batchUrl = URL.createObjectURL(blobOf(base64, output === 'zip' ? 'application/zip' : 'application/pdf'));
  $('batch-download').href = state.batchUrl;
  $('batch-download').download = state.template.name + '-danh-sach.' + output;
  $('batch-download').hidden = false;
  if (output === 'pdf') $('preview').src = state.batchUrl + '#page=1';
}

async function chooseTemplate(name) {
  if (!name) return;
  const answer = await api('/v1/templates/' + encodeURIComponent(name));
  if (answer.ok) buildForm(answer.body);
}

async function start() {
  $('batch').hidden = true;
  // A service with a token: the clerk types it once a session.
  const saved = sessionStorage.getItem('vanban-token');
  if (saved) $('token').value = saved;
  const answer = await api('/v1/templates');
  const select = $('kind');
  select.textContent = '';
  select.append(el('option', { value: '' }, '— chọn loại văn bản —'));
  if (!answer.ok) {
    $('summary').textContent = answer.status === 401 ? 'Hãy nhập mã truy cập.' : 'Không tải được danh sách mẫu.';
    return;
  }
  for (const t of answer.body) select.append(el('option', { value: t.name }, (t.type || (t.summary_vi || t.summary).split(':')[0]) + ' — ' + t.name));
  started = true;
  select.addEventListener('change', () => chooseTemplate(select.value));
  $('form').addEventListener('submit', render);
  $('run-batch').addEventListener('click', runBatch);
  const wanted = new URLSearchParams(location.search).get('template');
  if (wanted) {
    select.value = wanted;
    chooseTemplate(wanted);
  }
}

let started = false;
$('token').addEventListener('change', () => {
  sessionStorage.setItem('vanban-token', $('token').value.trim());
  if (!started) start();
});
start();
