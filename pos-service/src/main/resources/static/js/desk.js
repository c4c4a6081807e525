/* Customer desk and head office. User text (names, subjects, notes) is only ever put into the page
   with textContent, never as HTML. */
(function () {
  'use strict';
  const P = window.POS;
  const { $, $$, t, money, api } = P;
  const names = {};
  const name = (k, fallback) => names[k] || fallback || k;
  const loadNames = () => $$('#desk-i18n [data-k]').forEach(e => { names[e.dataset.k] = e.textContent; });
  const fmtDate = d => d ? new Date(d + 'T12:00:00').toLocaleDateString(document.documentElement.lang) : '';
  // Times in the store's zone (meta "zone"), as the server renders them, whatever the browser's zone.
  const zoneMeta = document.querySelector('meta[name="zone"]');
  const timeFormat = (() => {
    const lang = document.documentElement.lang || undefined, style = { dateStyle: 'medium', timeStyle: 'short' };
    try {
      return new Intl.DateTimeFormat(lang, Object.assign({ timeZone: zoneMeta ? zoneMeta.content : undefined }, style));
    } catch (e) { // a zone the browser does not know (e.g. a fixed offset): the browser's own
      return new Intl.DateTimeFormat(lang, style);
    }
  })();
  const fmtTime = ts => ts ? timeFormat.format(new Date(ts)) : '';

  /** A table cell with text, or a link with text. */
  function cell(tr, text, href, cls) {
    const td = document.createElement('td');
    if (cls) td.className = cls;
    if (href) {
      const a = document.createElement('a');
      a.href = href; a.textContent = text;
      td.appendChild(a);
    } else td.textContent = text == null ? '' : text;
    tr.appendChild(td);
    return td;
  }

  function caseRows(id, list) {
    const table = $('#' + id), body = $('tbody', table);
    body.replaceChildren();
    list.forEach(c => {
      const tr = document.createElement('tr');
      tr.dataset.case = c.caseNumber;
      cell(tr, c.caseNumber, '/cases/' + encodeURIComponent(c.caseNumber));
      cell(tr, name('status.' + c.status, c.status), null, 'status');
      cell(tr, c.subject);
      cell(tr, name('category.' + c.category, c.category));
      cell(tr, fmtDate(c.followUpDue));
      cell(tr, fmtTime(c.openedAt));
      body.appendChild(tr);
    });
    table.hidden = list.length === 0;
    $('#' + id + '-none').hidden = list.length !== 0;
  }

  /** Submits a form's body to the API, shows problems next to the fields; resolves to the response or null. */
  async function send(form, errorEl, method, path, body, opts) {
    P.clearErrors(form, errorEl);
    const button = $('button[type=submit]', form);
    if (button) button.disabled = true;
    const r = await api(method, path, body, opts);
    if (button) button.disabled = false;
    if (!r.ok) P.showProblem(form, errorEl, r.problem);
    return r;
  }

  P.pages.customers = function () {
    loadNames();
    // A gift card's balance, asked of head office: the number goes in, only its masked form comes back
    // and stays on the page (the input is emptied).
    const gift = $('#gift-balance');
    gift.addEventListener('submit', async e => {
      e.preventDefault();
      const input = $('#gift-balance-number'), error = $('#gift-balance-error'), result = $('#gift-balance-result');
      const number = input.value.replace(/\s+/g, '');
      result.hidden = true;
      P.clearErrors(gift, error);
      if (!number) { input.focus(); return; }
      const r = await send(gift, error, 'GET', '/api/v1/gift-cards/' + encodeURIComponent(number)); // 400/404/503: localized
      input.value = '';
      if (!r.ok) { input.focus(); return; }
      $('#gift-balance-card').textContent = r.data.number;
      $('#gift-balance-amount').textContent = new Intl.NumberFormat(document.documentElement.lang || 'en',
        { style: 'currency', currency: r.data.currency }).format(Number(r.data.balance));
      const status = $('#gift-status-' + r.data.status);
      $('#gift-balance-status').textContent = status ? status.textContent : r.data.status;
      result.hidden = false;
    });
    const form = $('#customer-search');
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const q = $('#customer-q').value.trim();
      if (!q) return;
      const r = await send(form, $('#search-error'), 'GET', '/api/v1/customers?q=' + encodeURIComponent(q));
      if (!r.ok) return;
      const table = $('#customer-results'), body = $('tbody', table);
      body.replaceChildren();
      r.data.forEach(c => {
        const tr = document.createElement('tr');
        cell(tr, c.name, '/customers/' + encodeURIComponent(c.id));
        cell(tr, c.phone); cell(tr, c.email); cell(tr, c.loyaltyCard);
        body.appendChild(tr);
      });
      table.hidden = r.data.length === 0;
      $('#search-none').hidden = r.data.length !== 0;
      const first = $('a', body);
      if (first) first.focus();
    });

    const create = $('#customer-form');
    let key = null;
    create.addEventListener('submit', async e => {
      e.preventDefault();
      const v = id => { const s = $(id).value.trim(); return s === '' ? undefined : s; };
      const body = {
        name: v('#new-name'), phone: v('#new-phone'), email: v('#new-email'), loyaltyCard: v('#new-card'),
        preferredLanguage: v('#new-language'), emailReceipts: $('#new-receipts').checked,
        marketing: $('#new-marketing').checked, allowDuplicate: $('#new-duplicate').checked
      };
      key = key || P.key();
      const r = await send(create, $('#new-error'), 'POST', '/api/v1/customers', body, { key: key });
      if (!r.ok) {
        if (r.status !== 0) key = null;
        // A possible duplicate: the clerk may confirm it is someone else.
        if (r.status === 409) $('#new-duplicate-box').hidden = false;
        return;
      }
      window.location.assign('/customers/' + encodeURIComponent(r.data.id));
    });
  };

  P.pages.customer = async function () {
    loadNames();
    const id = document.body.dataset.customer;
    const form = $('#case-form');
    if (!form) return;
    let key = null;
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const body = {
        customerId: id, subject: $('#case-subject').value.trim(), category: $('#case-category').value,
        channel: $('#case-channel').value, receiptNumber: $('#case-receipt').value.trim() || undefined,
        description: $('#case-description').value.trim() || undefined
      };
      key = key || P.key();
      const r = await send(form, $('#case-error'), 'POST', '/api/v1/cases', body, { key: key });
      if (!r.ok) { if (r.status !== 0) key = null; return; }
      window.location.assign('/cases/' + encodeURIComponent(r.data.caseNumber));
    });
    const [cases, purchases] = await Promise.all([
      api('GET', '/api/v1/customers/' + encodeURIComponent(id) + '/cases'),
      api('GET', '/api/v1/customers/' + encodeURIComponent(id) + '/purchases')]);
    const error = $('#customer-error');
    if (cases.ok) caseRows('customer-cases', cases.data); else error.textContent = cases.problem.detail;
    if (!purchases.ok) { error.textContent = purchases.problem.detail; return; }
    const table = $('#purchases'), body = $('tbody', table);
    purchases.data.forEach(p => {
      const tr = document.createElement('tr');
      cell(tr, fmtTime(p.at));
      cell(tr, name('purchase.' + p.type, p.type) + (p.status === 'VOIDED' ? ' (' + name('purchase.VOIDED') + ')' : ''));
      cell(tr, p.number);
      cell(tr, (p.items || []).map(i => i.quantity + ' × ' + (i.name || i.sku)).join(', '));
      cell(tr, (p.type === 'RETURN' ? '−' : '') + money(p.amount), null, 'num');
      body.appendChild(tr);
    });
    table.hidden = purchases.data.length === 0;
    $('#purchases-none').hidden = purchases.data.length !== 0;
  };

  P.pages.cases = function () {
    loadNames();
    const form = $('#cases-filter');
    const params = new URLSearchParams(window.location.search);
    if (params.get('status')) $('#cases-status').value = params.get('status');
    if (params.get('followUpDue')) $('#cases-due').checked = true;
    const load = async () => {
      const q = new URLSearchParams();
      if ($('#cases-status').value) q.set('status', $('#cases-status').value);
      if ($('#cases-due').checked) q.set('followUpDue', 'today');
      history.replaceState(null, '', '/cases' + (q.toString() ? '?' + q : ''));
      const r = await send(form, $('#cases-error'), 'GET', '/api/v1/cases?' + q);
      if (r.ok) caseRows('cases-list', r.data);
    };
    form.addEventListener('submit', e => { e.preventDefault(); load(); });
    complaints();
    $('#cases-due').addEventListener('change', load);
    $('#cases-status').addEventListener('change', load);
    load();
  };

  /** Open complaints in order of legal deadline, with the overdue count and the average settlement time. */
  async function complaints() {
    const [list, figures] = await Promise.all([api('GET', '/api/v1/complaints?status=OPEN'),
      api('GET', '/api/v1/complaints/figures')]);
    if (figures.ok) {
      $('#complaints-open').textContent = figures.data.open;
      $('#complaints-due-today').textContent = figures.data.dueToday;
      $('#complaints-overdue').textContent = figures.data.overdue;
      const avg = figures.data.settlementTime.average;
      $('#complaints-average').textContent = avg ? (Math.round(parseIso(avg) / 3600 / 24 * 10) / 10) + ' d' : '-';
    }
    if (!list.ok) return;
    const table = $('#complaints-list'), body = $('tbody', table);
    body.replaceChildren();
    list.data.forEach(c => {
      const tr = document.createElement('tr');
      tr.dataset.complaint = c.complaintNumber;
      tr.dataset.clock = c.clock;
      cell(tr, c.complaintNumber);
      cell(tr, c.caseNumber, '/cases/' + encodeURIComponent(c.caseNumber));
      cell(tr, c.item);
      cell(tr, fmtDate(c.dueDate));
      cell(tr, c.daysLeft);
      cell(tr, name('clock.' + c.clock, c.clock), null, 'status clock-' + c.clock.toLowerCase());
      body.appendChild(tr);
    });
    table.hidden = list.data.length === 0;
    $('#complaints-list-none').hidden = list.data.length !== 0;
  }

  /** Seconds of an ISO-8601 duration like PT744H30M5S. */
  function parseIso(d) {
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(d);
    return m ? (+(m[1] || 0)) * 3600 + (+(m[2] || 0)) * 60 + (+(m[3] || 0)) : 0;
  }

  P.pages.case = function () {
    loadNames();
    const number = document.body.dataset.case;
    const path = '/api/v1/cases/' + encodeURIComponent(number);
    const approval = P.approval('resolve');
    let resolveKey = null;

    function render(c) {
      $('#case-body').hidden = false;
      $('#case-training').hidden = !c.training; // a case opened in training (ADR 0005)
      $('#case-subject-h').textContent = c.subject;
      $('#case-status').textContent = name('status.' + c.status, c.status);
      $('#case-status').dataset.status = c.status;
      $('#case-category').textContent = name('category.' + c.category, c.category);
      $('#case-channel').textContent = name('channel.' + c.channel, c.channel);
      const customer = $('#case-customer');
      customer.replaceChildren();
      if (c.customerId) {
        const a = document.createElement('a');
        a.href = '/customers/' + encodeURIComponent(c.customerId);
        a.textContent = c.customerId.slice(0, 8);
        customer.appendChild(a);
        api('GET', '/api/v1/customers/' + encodeURIComponent(c.customerId)).then(r => {
          if (r.ok && r.data.name) a.textContent = r.data.name;
        });
      } else customer.textContent = '–';
      $('#case-receipt').textContent = c.receiptNumber || '–';
      $('#case-opened').textContent = fmtTime(c.openedAt) + ' · ' + c.openedBy;
      $('#case-escalated').textContent = c.status === 'ESCALATED' || c.escalatedTo ? (c.escalatedTo || name('status.ESCALATED')) : '–';
      $('#case-followup').textContent = c.followUpDue ? fmtDate(c.followUpDue) : '–';
      $('#case-resolution').textContent = c.resolution || '–';
      $('#case-goodwill').textContent = c.goodwill
        ? t('tender.' + c.goodwill.type) + ' ' + money(c.goodwill.amount) + (c.goodwill.code ? ' · ' + c.goodwill.code : '')
        : '–';
      const list = $('#timeline');
      list.replaceChildren();
      (c.history || []).forEach(ev => {
        const li = document.createElement('li');
        li.className = 'event event-' + ev.type;
        const head = document.createElement('p');
        head.className = 'event-head';
        const what = document.createElement('strong');
        what.textContent = name('event.' + ev.type, ev.type);
        head.appendChild(what);
        head.appendChild(document.createTextNode(' · ' + fmtTime(ev.at) + ' · ' + ev.user
          + (ev.statusTo ? ' · ' + name('status.' + ev.statusTo, ev.statusTo) : '')
          + (ev.due ? ' · ' + name('case.due').replace('{0}', fmtDate(ev.due)) : '')));
        li.appendChild(head);
        if (ev.text) {
          const text = document.createElement('p');
          text.className = 'event-text';
          text.textContent = ev.text;
          li.appendChild(text);
        }
        list.appendChild(li);
      });
      const active = ['OPEN', 'IN_PROGRESS', 'ESCALATED'].includes(c.status);
      $$('.active-only').forEach(s => { s.hidden = !active; });
      $$('.escalate-only').forEach(s => { s.hidden = !['OPEN', 'IN_PROGRESS'].includes(c.status); });
    }

    async function reload() {
      const r = await api('GET', path);
      if (!r.ok) { $('#case-load-error').textContent = r.problem.detail; return null; }
      render(r.data);
      return r.data;
    }

    function onSubmit(id, build, after) {
      $('#' + id + '-form').addEventListener('submit', async e => {
        e.preventDefault();
        const form = e.target;
        const req = build();
        if (!req) return;
        const r = await send(form, $('#' + id + '-error'), 'POST', path + req.path, req.body, req.opts);
        if (!r.ok) return;
        form.reset();
        await reload();
        if (after && after.done) after.done();
      });
    }

    onSubmit('note', () => ({ path: '/notes', body: { text: $('#note-text').value } }),
      { done: () => $('#note-text').focus() });
    onSubmit('escalate', () => ({ path: '/escalate',
      body: { reason: $('#escalate-reason').value.trim(), manager: $('#escalate-manager').value.trim() || undefined } }),
      { done: () => $('#case-status').scrollIntoView() });
    onSubmit('followup', () => ({ path: '/follow-up',
      body: { due: $('#followup-due').value, note: $('#followup-note').value.trim() || undefined } }));

    $('#resolve-form').addEventListener('submit', async e => {
      e.preventDefault();
      const form = e.target, error = $('#resolve-error');
      P.clearErrors(form, error);
      const typed = $('#goodwill-amount').value.trim();
      const amount = typed ? P.amount(typed) : null;
      if (typed && !amount) {
        error.textContent = t('error.field', $('label[for=goodwill-amount]').textContent, typed);
        $('#goodwill-amount').setAttribute('aria-invalid', 'true');
        return;
      }
      const body = { resolution: $('#resolve-text').value.trim(),
        goodwill: amount ? { type: 'STORE_CREDIT', amount: amount } : undefined, approval: approval.value() };
      resolveKey = resolveKey || P.key();
      $('#resolve-submit').disabled = true;
      const r = await api('POST', path + '/resolve', body, { key: resolveKey });
      $('#resolve-submit').disabled = false;
      if (!r.ok) {
        if (r.status !== 0) resolveKey = null;
        if (approval.ask(r.problem)) return;
        P.showProblem(form, error, r.problem);
        return;
      }
      resolveKey = null;
      approval.reset();
      form.reset();
      await reload();
      $('#case-status').scrollIntoView();
    });

    reload().then(c => { if (c && ['OPEN', 'IN_PROGRESS', 'ESCALATED'].includes(c.status)) $('#note-text').focus(); });
  };

  P.pages.office = function () {
    // The report API takes the session's bearer token, not the page cookie: download with it.
    $$('#csv-link, #pdf-link').forEach(link => link.addEventListener('click', async e => {
      e.preventDefault();
      const r = await api('GET', link.getAttribute('href'), undefined, { blob: true });
      if (!r.ok) { $('#download-error').textContent = r.problem.detail; return; }
      const url = URL.createObjectURL(r.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'report' + (link.id === 'csv-link' ? '.csv' : '.pdf');
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    }));
    const from = $('#office-from'), to = $('#office-to');
    // One day by default: moving "from" past "to" moves "to" along.
    from.addEventListener('change', () => { if (!to.value || to.value < from.value) to.value = from.value; });
  };
})();
