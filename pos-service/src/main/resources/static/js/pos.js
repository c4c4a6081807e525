/* The pages' scripts: calls to the JSON API with the session's bearer token, problem+json shown
   as sentences next to the fields, amounts formatted for the page's language. No build step. */
(function () {
  'use strict';
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const meta = name => { const m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : ''; };

  const token = meta('api-token');
  const currency = meta('currency') || 'EUR';
  const locale = meta('locale') || document.documentElement.lang || 'en';
  const messages = {};
  $$('#i18n [data-k]').forEach(e => { messages[e.dataset.k] = e.textContent; });
  const t = (k, ...args) => args.reduce((s, a, i) => s.replace('{' + i + '}', a), messages[k] || k);
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: currency });
  const money = a => (a === null || a === undefined || a === '') ? '' : moneyFormat.format(Number(a));
  const digits = moneyFormat.resolvedOptions().maximumFractionDigits;

  /** "12.30" -> 1230 minor units; whole integers only, no floating point sums. */
  function minor(text) {
    const m = /^\s*(\d+)(?:[.,](\d+))?\s*$/.exec(String(text));
    if (!m) return null;
    const frac = (m[2] || '').padEnd(digits, '0').slice(0, digits);
    return parseInt(m[1], 10) * Math.pow(10, digits) + (digits ? parseInt(frac || '0', 10) : 0);
  }
  const fromMinor = n => digits ? (Math.floor(n / Math.pow(10, digits)) + '.' + String(n % Math.pow(10, digits)).padStart(digits, '0')) : String(n);
  /** What a clerk typed as an amount ("12,3") in the API's form ("12.30"), or null. */
  const amount = text => { const n = minor(text); return n === null ? null : fromMinor(n); };

  function key() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = new Uint8Array(16); crypto.getRandomValues(b);
    return Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
  }

  async function api(method, path, body, opts) {
    opts = opts || {};
    // Problems come back in the page's language (the server picks by Accept-Language).
    const headers = { 'Accept': 'application/json, application/problem+json',
      'Accept-Language': document.documentElement.lang || 'en' };
    if (token) headers['Authorization'] = 'Bearer ' + token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (opts.key) headers['Idempotency-Key'] = opts.key;
    let res;
    try {
      res = await fetch(path, { method: method, headers: headers, credentials: 'omit',
        body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      return { ok: false, status: 0, problem: { detail: t('error.network') } };
    }
    if (res.ok && opts.blob) return { ok: true, status: res.status, blob: await res.blob() };
    const type = res.headers.get('content-type') || '';
    const data = type.includes('json') ? await res.json().catch(() => null) : null;
    if (res.ok) return { ok: true, status: res.status, data: data };
    return { ok: false, status: res.status, problem: data && data.detail ? data : { detail: t('error.status', res.status) } };
  }

  /** The rule a problem names: the last part of its type URI ("approval-required"). */
  const rule = p => (p && p.type ? String(p.type).split('/').pop() : '');

  /** Shows a problem: field errors next to their fields (by data-field), the rest in the form's error line. */
  function showProblem(form, errorEl, problem) {
    clearErrors(form, errorEl);
    const rest = [];
    (problem.errors || []).forEach(e => {
      const field = form && e.field ? $('[data-field="' + CSS.escape(e.field) + '"]', form) : null;
      if (field) {
        let slot = field.parentElement.querySelector('.field-error');
        if (!slot) { slot = document.createElement('p'); slot.className = 'field-error'; field.insertAdjacentElement('afterend', slot); }
        const label = field.id ? $('label[for="' + field.id + '"]') : null;
        slot.textContent = t('error.field', label ? label.textContent.trim() : e.field, e.message);
        field.setAttribute('aria-invalid', 'true');
      } else {
        rest.push(t('error.field', e.field, e.message));
      }
    });
    if (errorEl) errorEl.textContent = [problem.detail].concat(rest).filter(Boolean).join(' ');
  }
  function clearErrors(form, errorEl) {
    if (form) {
      $$('.field-error', form).forEach(e => { if (e !== errorEl) e.textContent = ''; });
      $$('[aria-invalid]', form).forEach(e => e.removeAttribute('aria-invalid'));
    }
    if (errorEl) errorEl.textContent = '';
  }

  /** A manager approval fieldset: shown with the API's sentence when the API asks for one. */
  function approval(prefix) {
    const box = $('#' + prefix + '-approval');
    return {
      value() {
        if (!box || box.hidden) return undefined;
        const m = $('.approval-manager', box).value.trim(), p = $('.approval-pin', box).value;
        return m || p ? { manager: m, pin: p } : undefined;
      },
      ask(problem) {
        if (!box) return false;
        const r = rule(problem);
        if (!['approval-required', 'discount-needs-approval', 'tax-exempt-needs-approval', 'drawer-variance-needs-approval', 'approval-denied', 'self-approval', 'approval-locked'].includes(r)
            && !(problem.detail || '').toLowerCase().includes('approv')) return false;
        box.hidden = false;
        $('.approval-why', box).textContent = problem.detail || t('approval.needed');
        if (r === 'approval-denied') $('.approval-pin', box).value = '';
        $('.approval-manager', box).focus();
        return true;
      },
      reset() { if (box) { box.hidden = true; $('.approval-pin', box).value = ''; $('.approval-manager', box).value = ''; } }
    };
  }

  /** Denomination count tables total as you type. */
  function countTable(prefix) {
    const table = $('[data-count="' + prefix + '"]');
    if (!table) return null;
    const update = () => {
      let sum = 0;
      $$('input.pieces', table).forEach(i => {
        const n = parseInt(i.value, 10);
        const line = (n > 0 ? n : 0) * minor(i.dataset.denomination);
        sum += line;
        i.closest('tr').querySelector('.line-total').textContent = n > 0 ? money(fromMinor(line)) : '–';
      });
      $('.count-total', table).textContent = money(fromMinor(sum));
    };
    table.addEventListener('input', update);
    update();
    return {
      counts() {
        const c = {};
        $$('input.pieces', table).forEach(i => { const n = parseInt(i.value, 10); if (n > 0) c[i.dataset.denomination] = n; });
        return c;
      },
      reset() { $$('input.pieces', table).forEach(i => { i.value = ''; }); update(); }
    };
  }

  /**
   * A document's Print and PDF actions (parts :: docActions): {print: API path to POST, body, pdf: API
   * path of the PDF}. The PDF is fetched with the page's token and opened from memory; a printer
   * that cannot print says why, in the page's language, next to the buttons.
   */
  function documentActions(box, doc) {
    if (!box) return;
    const status = $('[data-doc="status"]', box), print = $('[data-doc="print"]', box), pdf = $('[data-doc="pdf"]', box);
    status.textContent = ''; status.className = 'info';
    print.hidden = !doc.print;
    print.onclick = async () => {
      print.disabled = true;
      const r = await api('POST', doc.print, doc.body || {});
      print.disabled = false;
      status.textContent = r.ok ? t('doc.printed') : r.problem.detail;
      status.className = r.ok ? 'info' : 'field-error';
    };
    if (pdf.dataset.url) URL.revokeObjectURL(pdf.dataset.url);
    pdf.href = '#'; pdf.removeAttribute('data-url');
    api('GET', doc.pdf, undefined, { blob: true }).then(r => {
      if (r.ok) { pdf.dataset.url = URL.createObjectURL(r.blob); pdf.href = pdf.dataset.url; }
    });
    box.hidden = false;
  }

  /** A date typed as 31.05.2001, 31/05/2001 or 2001-05-31, as the API's ISO date; null when it is none. */
  function isoDate(text) {
    const s = String(text).trim();
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s), y, mo, d;
    if (m) { y = +m[1]; mo = +m[2]; d = +m[3]; } else {
      m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
      if (!m) return null;
      d = +m[1]; mo = +m[2]; y = +m[3];
    }
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900) return null;
    return y + '-' + String(mo).padStart(2, '0') + '-' + String(d).padStart(2, '0');
  }

  window.POS = { $, $$, t, money, amount, minor, fromMinor, key, api, rule, showProblem, clearErrors, approval, countTable,
    documentActions, isoDate };

  document.addEventListener('DOMContentLoaded', () => {
    const page = document.body.dataset.page;
    if (page && window.POS.pages && window.POS.pages[page]) window.POS.pages[page]();
  });
  window.POS.pages = {};
})();
