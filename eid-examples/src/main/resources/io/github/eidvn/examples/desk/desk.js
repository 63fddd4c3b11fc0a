// Hospital reception desk: a thin page over POST /api/check. No personal data is kept in the browser beyond the
// decision on screen; every value from the server is written with textContent, never as HTML.
'use strict';

(function () {
  const I18N = {
    vi: {
      title: 'Quầy tiếp đón — kiểm tra thẻ BHYT',
      toggle: 'English',
      scanLabel: 'Quét mã QR của người bệnh bằng máy quét cầm tay',
      scanHint: 'Ô này luôn sẵn sàng nhận mã: máy quét gõ nội dung mã rồi nhấn Enter.',
      check: 'Kiểm tra',
      uploadLabel: 'Hoặc chọn ảnh chụp mã QR (PNG, JPEG)',
      cameraStart: 'Bật camera',
      cameraCapture: 'Chụp và kiểm tra',
      cameraStop: 'Tắt camera',
      cameraUnavailable: 'Trình duyệt không cho dùng camera trên trang này (cần https hoặc localhost).',
      cameraDenied: 'Không mở được camera.',
      waiting: 'Đang chờ quét mã…',
      checking: 'Đang kiểm tra…',
      unverified: 'DỮ LIỆU CHƯA XÁC THỰC',
      unverifiedIdentity: 'DANH TÍNH CHƯA XÁC THỰC — ĐỐI CHIẾU ẢNH TRÊN THẺ CĂN CƯỚC',
      VALID: 'HỢP LỆ',
      VALID_IDENTITY_UNVERIFIED: 'HỢP LỆ — ĐỐI CHIẾU ẢNH',
      CHECK_MANUALLY: 'KIỂM TRA THỦ CÔNG',
      REJECTED: 'KHÔNG CHẤP NHẬN',
      ERROR: 'LỖI',
      networkError: 'Không kết nối được máy chủ kiểm tra. Vui lòng thử lại.',
      wrongFile: 'Chỉ nhận ảnh PNG hoặc JPEG.',
      fileTooLarge: 'Ảnh quá lớn (tối đa 5 MiB).',
      name: 'Họ và tên',
      birthdate: 'Ngày sinh',
      gender: 'Giới tính',
      female: 'Nữ',
      male: 'Nam',
      personalNumber: 'Số định danh cá nhân',
      level: 'Mức độ định danh điện tử',
      levelValue: 'Mức ',
      cardNumber: 'Mã thẻ BHYT',
      validity: 'Giá trị sử dụng',
      validityValue: (from, to) => 'từ ' + from + ' đến ' + to,
      benefit: 'Mức hưởng',
      baseRate: (p) => 'mức hưởng cơ bản ' + p + '%',
      facility: 'Nơi ĐKKCB ban đầu',
      facilityHeader: 'Cơ sở KCB: ',
      code: 'Mã lý do: ',
      sandboxTitle: 'SANDBOX — mã QR mẫu để thử (dữ liệu giả, không phải người thật)',
      sandboxHint: 'Mã mẫu do cơ quan cấp giả lập ký; quét mã trên màn hình bằng điện thoại hoặc camera, '
        + 'hoặc nhấn “Gửi như máy quét”.',
      sampleValid: 'Mã hợp lệ',
      sampleExpired: 'Thẻ BHYT hết hạn',
      sampleLegacy: 'QR thẻ căn cước (cũ)',
      sampleLegacyNoCard: 'QR thẻ căn cước, không có thẻ BHYT',
      sampleTampered: 'Mã bị sửa',
      sampleSend: 'Gửi như máy quét',
      privacy: 'Máy chủ không lưu dữ liệu cá nhân: nhật ký chỉ ghi quyết định và số định danh đã che.'
    },
    en: {
      title: 'Reception desk — health-insurance check',
      toggle: 'Tiếng Việt',
      scanLabel: "Scan the patient's QR code with the handheld scanner",
      scanHint: 'This box is always ready: the scanner types the code and presses Enter.',
      check: 'Check',
      uploadLabel: 'Or choose a photo of the QR code (PNG, JPEG)',
      cameraStart: 'Start camera',
      cameraCapture: 'Capture and check',
      cameraStop: 'Stop camera',
      cameraUnavailable: 'The browser does not allow the camera on this page (https or localhost needed).',
      cameraDenied: 'The camera could not be opened.',
      waiting: 'Waiting for a scan…',
      checking: 'Checking…',
      unverified: 'UNVERIFIED DATA',
      unverifiedIdentity: 'IDENTITY NOT VERIFIED — COMPARE THE PHOTO ON THE ID CARD',
      VALID: 'VALID',
      VALID_IDENTITY_UNVERIFIED: 'VALID — COMPARE PHOTO',
      CHECK_MANUALLY: 'CHECK MANUALLY',
      REJECTED: 'REJECTED',
      ERROR: 'ERROR',
      networkError: 'The check server could not be reached. Please try again.',
      wrongFile: 'Only PNG or JPEG images are accepted.',
      fileTooLarge: 'The image is too large (5 MiB at most).',
      name: 'Full name',
      birthdate: 'Date of birth',
      gender: 'Sex',
      female: 'Female',
      male: 'Male',
      personalNumber: 'Personal number',
      level: 'e-ID assurance level',
      levelValue: 'Level ',
      cardNumber: 'Health-insurance card',
      validity: 'Valid',
      validityValue: (from, to) => from + ' to ' + to,
      benefit: 'Benefit level',
      baseRate: (p) => 'base rate ' + p + '%',
      facility: 'Primary-care facility',
      facilityHeader: 'Facility: ',
      code: 'Reason code: ',
      sandboxTitle: 'SANDBOX — sample QR codes to try (made-up data, not real people)',
      sandboxHint: 'Sample codes are signed by a made-up issuer; scan the code on the screen with a phone or the '
        + 'camera, or press “Send as scanner”.',
      sampleValid: 'Valid code',
      sampleExpired: 'Expired insurance card',
      sampleLegacy: 'Chip ID card QR (legacy)',
      sampleLegacyNoCard: 'Chip ID card QR, no insurance card',
      sampleTampered: 'Altered code',
      sampleSend: 'Send as scanner',
      privacy: 'The server keeps no personal data: the log holds the decision and the masked number only.'
    }
  };
  const CLASSES = { VALID: 'valid', CHECK_MANUALLY: 'manual', REJECTED: 'rejected', ERROR: 'rejected' };
  const ACCEPTED_IMAGES = ['image/png', 'image/jpeg'];

  let lang = 'vi';
  let shown = null; // what the result panel shows: {decision JSON} or {error key}
  let config = { sandbox: false, facility: '', max_text_chars: 8000, max_image_bytes: 5 * 1024 * 1024 };
  let stream = null;
  let sampleLabel = null; // {vi, en} of the sample on screen

  const $ = (id) => document.getElementById(id);
  const t = (key) => I18N[lang][key];

  function dmy(iso) {
    if (typeof iso !== 'string') {
      return '';
    }
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? m[3] + '/' + m[2] + '/' + m[1] : iso;
  }

  function focusScan() {
    $('scan').focus();
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach((el) => {
      const text = t(el.dataset.i18n);
      if (typeof text === 'string') {
        el.textContent = text;
      }
    });
    const toggle = $('lang-toggle');
    toggle.textContent = t('toggle');
    toggle.lang = lang === 'vi' ? 'en' : 'vi';
    $('facility').textContent = config.facility ? t('facilityHeader') + config.facility : '';
    $('sample-label').textContent = sampleLabel && typeof sampleLabel[lang] === 'string' ? sampleLabel[lang] : '';
    render();
  }

  function setPanel(kind, title) {
    const panel = $('result');
    panel.className = 'result ' + kind;
    $('result-title').textContent = title;
  }

  function addField(dl, label, value) {
    if (value === null || value === undefined || value === '') {
      return;
    }
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = String(value);
    dl.appendChild(dt);
    dl.appendChild(dd);
  }

  function render() {
    const panel = $('result');
    const fields = $('result-fields');
    fields.replaceChildren();
    $('result-notices').replaceChildren();
    $('result-unverified').hidden = true;
    $('result-message').textContent = '';
    $('result-code').textContent = '';
    if (shown === null) {
      panel.dataset.decision = '';
      setPanel('idle', t('waiting'));
      return;
    }
    if (shown.pending) {
      panel.dataset.decision = 'PENDING';
      setPanel('pending', t('checking'));
      return;
    }
    if (shown.error) {
      panel.dataset.decision = 'ERROR';
      setPanel(CLASSES.ERROR, t('ERROR'));
      $('result-message').textContent = t(shown.error);
      return;
    }
    const d = shown.decision;
    const decision = Object.prototype.hasOwnProperty.call(CLASSES, d.decision) ? d.decision : 'REJECTED';
    panel.dataset.decision = decision;
    panel.dataset.status = typeof d.status === 'string' ? d.status : '';
    const byLookup = decision === 'VALID' && d.status === 'VALID_IDENTITY_UNVERIFIED';
    setPanel(CLASSES[decision], t(byLookup ? 'VALID_IDENTITY_UNVERIFIED' : decision));
    const message = d.message && typeof d.message[lang] === 'string' ? d.message[lang] : '';
    $('result-message').textContent = message;
    if (d.reason) {
      $('result-code').textContent = t('code') + d.reason;
    }
    const p = d.patient;
    if (Array.isArray(d.notices)) {
      d.notices.forEach((n) => {
        if (n && typeof n[lang] === 'string') {
          const li = document.createElement('li');
          li.textContent = n[lang];
          li.dataset.code = typeof n.code === 'string' ? n.code : '';
          $('result-notices').appendChild(li);
        }
      });
    }
    if (p && typeof p === 'object') {
      $('result-unverified').hidden = p.verified === true;
      $('result-unverified').textContent = t(byLookup ? 'unverifiedIdentity' : 'unverified');
      addField(fields, t('name'), p.name);
      addField(fields, t('birthdate'), dmy(p.birthdate));
      addField(fields, t('gender'), p.gender === 'female' ? t('female') : p.gender === 'male' ? t('male') : null);
      addField(fields, t('personalNumber'), p.personal_number);
      if (typeof p.assurance_level === 'number') {
        addField(fields, t('level'), t('levelValue') + p.assurance_level);
      }
    }
    const i = d.insurance;
    if (i && typeof i === 'object') {
      addField(fields, t('cardNumber'), i.number);
      addField(fields, t('validity'), t('validityValue')(dmy(i.valid_from), dmy(i.valid_to)));
      if (typeof i.benefit_level === 'number') {
        addField(fields, t('benefit'), i.benefit_level + ' (' + t('baseRate')(i.base_coverage_percent) + ')');
      }
      addField(fields, t('facility'), i.facility);
    }
  }

  async function check(body, contentType) {
    shown = { pending: true };
    render();
    try {
      const response = await fetch('/api/check', {
        method: 'POST',
        headers: { 'Content-Type': contentType },
        body: body,
        cache: 'no-store',
        credentials: 'same-origin'
      });
      const json = await response.json();
      if (!json || typeof json.decision !== 'string') {
        throw new Error('not a decision');
      }
      shown = { decision: json };
    } catch (e) {
      shown = { error: 'networkError' };
    }
    render();
    focusScan();
  }

  function onScan(event) {
    event.preventDefault();
    const input = $('scan');
    const text = input.value;
    input.value = '';
    if (text.trim() === '') {
      focusScan();
      return;
    }
    check(text, 'text/plain; charset=utf-8');
  }

  function localError(key) {
    shown = { error: key };
    render();
    focusScan();
  }

  function onUpload() {
    const input = $('upload');
    const file = input.files && input.files[0];
    input.value = '';
    if (!file) {
      return;
    }
    if (ACCEPTED_IMAGES.indexOf(file.type) < 0) {
      localError('wrongFile');
      return;
    }
    if (file.size > config.max_image_bytes) {
      localError('fileTooLarge');
      return;
    }
    check(file, file.type);
  }

  async function startCamera() {
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false
      });
      const video = $('camera-video');
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      $('camera-start').hidden = true;
      $('camera-capture').hidden = false;
      $('camera-stop').hidden = false;
    } catch (e) {
      stopCamera();
      localError('cameraDenied');
    }
  }

  function stopCamera() {
    if (stream) {
      stream.getTracks().forEach((track) => track.stop());
      stream = null;
    }
    const video = $('camera-video');
    video.srcObject = null;
    video.hidden = true;
    $('camera-start').hidden = false;
    $('camera-capture').hidden = true;
    $('camera-stop').hidden = true;
    focusScan();
  }

  function capture() {
    const video = $('camera-video');
    if (!stream || !video.videoWidth) {
      return;
    }
    const canvas = $('camera-canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((blob) => {
      if (blob) {
        check(blob, 'image/png');
      }
    }, 'image/png');
  }

  async function showSample(kind) {
    try {
      const response = await fetch('/api/sample', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        body: kind,
        cache: 'no-store',
        credentials: 'same-origin'
      });
      const s = await response.json();
      if (!response.ok || typeof s.text !== 'string' || typeof s.png !== 'string'
          || s.png.indexOf('data:image/png;base64,') !== 0) {
        throw new Error('no sample');
      }
      $('sample-img').src = s.png;
      $('sample-img').alt = 'SANDBOX QR: ' + s.label.en;
      sampleLabel = s.label;
      $('sample-label').textContent = s.label[lang];
      $('sample-text').value = s.text;
      $('sample').dataset.kind = s.kind;
      $('sample').hidden = false;
    } catch (e) {
      localError('networkError');
    }
    focusScan();
  }

  async function loadConfig() {
    try {
      const response = await fetch('/api/config', { cache: 'no-store', credentials: 'same-origin' });
      config = await response.json();
    } catch (e) {
      // keep the defaults: no sandbox section
    }
    $('sandbox').hidden = config.sandbox !== true;
    applyLanguage();
  }

  function init() {
    $('scan-form').addEventListener('submit', onScan);
    $('upload').addEventListener('change', onUpload);
    $('lang-toggle').addEventListener('click', () => {
      lang = lang === 'vi' ? 'en' : 'vi';
      applyLanguage();
      focusScan();
    });
    if (navigator.mediaDevices && typeof navigator.mediaDevices.getUserMedia === 'function') {
      $('camera').hidden = false;
      $('camera-start').addEventListener('click', startCamera);
      $('camera-stop').addEventListener('click', stopCamera);
      $('camera-capture').addEventListener('click', capture);
    } else {
      $('camera-unavailable').hidden = false;
    }
    document.querySelectorAll('[data-sample]').forEach((button) => {
      button.addEventListener('click', () => showSample(button.dataset.sample));
    });
    $('sample-send').addEventListener('click', () => {
      const text = $('sample-text').value;
      if (text) {
        check(text, 'text/plain; charset=utf-8');
      }
    });
    // a click on an empty part of the page gives the focus back to the scanner box
    document.addEventListener('click', (event) => {
      const tag = event.target && event.target.tagName;
      if (['INPUT', 'BUTTON', 'TEXTAREA', 'SELECT', 'LABEL', 'VIDEO'].indexOf(tag) < 0) {
        focusScan();
      }
    });
    window.addEventListener('focus', focusScan);
    render();
    focusScan();
    loadConfig();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
