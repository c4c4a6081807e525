/* Stock pages (issue 26): an item's stock here and in the other stores, goods received by scan.
   Names and store ids are put into the page with textContent only. */
(function () {
  'use strict';
  const P = window.POS;
  if (!P) return;
  const { $, api } = P;
  const names = {};
  const name = k => names[k] || k;
  const loadNames = () => document.querySelectorAll('#stock-i18n [data-k]').forEach(e => { names[e.dataset.k] = e.textContent; });
  const zoneMeta = document.querySelector('meta[name="zone"]');
  const timeFormat = (() => {
    const lang = document.documentElement.lang || undefined, style = { dateStyle: 'medium', timeStyle: 'short' };
    try {
      return new Intl.DateTimeFormat(lang, Object.assign({ timeZone: zoneMeta ? zoneMeta.content : undefined }, style));
    } catch (e) {
      return new Intl.DateTimeFormat(lang, style);
    }
  })();
  const number = n => new Intl.NumberFormat(document.documentElement.lang || undefined).format(n);
  const td = (tr, text, cls) => { const c = document.createElement('td'); c.textContent = text; if (cls) c.className = cls; tr.appendChild(c); return c; };

  P.pages.stock = function () {
    loadNames();
    $('#stock-lookup').addEventListener('submit', async ev => {
      ev.preventDefault();
      const code = $('#stock-code').value.trim();
      $('#stock-error').textContent = '';
      if (!code) return;
      const r = await api('GET', '/api/v1/stock/' + encodeURIComponent(code));
      if (!r.ok) { $('#stock-item').hidden = true; $('#stock-error').textContent = r.problem.detail; return; }
      $('#stock-item').hidden = false;
      $('#stock-item-h').textContent = (r.data.name ? r.data.name + ' – ' : '') + r.data.sku;
      $('#stock-onhand').textContent = number(r.data.onHand);
      const body = $('#other-table tbody');
      body.textContent = '';
      $('#other-error').textContent = '';
      $('#other-table').hidden = true;
      $('#other-none').hidden = true;
      const o = await api('GET', '/api/v1/stock/' + encodeURIComponent(r.data.sku) + '/other-stores');
      if (!o.ok) { $('#other-error').textContent = o.problem.detail; return; }
      o.data.stores.forEach(s => {
        const tr = document.createElement('tr');
        td(tr, s.storeId + (s.nearby ? ' (' + name('nearby') + ')' : ''));
        td(tr, number(s.onHand), 'num' + (s.onHand < 0 ? ' negative' : ''));
        td(tr, timeFormat.format(new Date(s.asOf)));
        body.appendChild(tr);
      });
      $('#other-table').hidden = o.data.stores.length === 0;
      $('#other-none').hidden = o.data.stores.length !== 0;
    });
  };

  P.pages['stock-receive'] = function () {
    loadNames();
    const lines = [];
    let key = P.key();
    function render() {
      const body = $('#receive-lines tbody');
      body.textContent = '';
      lines.forEach((l, i) => {
        const tr = document.createElement('tr');
        td(tr, l.code);
        td(tr, number(l.quantity), 'num');
        const c = td(tr, '');
        const b = document.createElement('button');
        b.type = 'button'; b.className = 'secondary'; b.textContent = name('remove');
        b.addEventListener('click', () => { lines.splice(i, 1); key = P.key(); render(); });
        c.appendChild(b);
        body.appendChild(tr);
      });
      $('#receive-empty').hidden = lines.length > 0;
    }
    $('#receive-scan').addEventListener('submit', ev => {
      ev.preventDefault();
      const code = $('#receive-code').value.trim();
      const quantity = parseInt($('#receive-qty').value, 10);
      if (!code || !(quantity > 0)) return;
      const same = lines.find(l => l.code === code);
      if (same) same.quantity += quantity; else lines.push({ code: code, quantity: quantity });
      key = P.key();
      $('#receive-code').value = '';
      $('#receive-qty').value = '1';
      $('#receive-done').textContent = '';
      render();
      $('#receive-code').focus();
    });
    $('#receive-form').addEventListener('submit', async ev => {
      ev.preventDefault();
      $('#receive-error').textContent = '';
      if (lines.length === 0) { $('#receive-error').textContent = name('needLines'); return; }
      const body = { lines: lines.map(l => /^\d{8,14}$/.test(l.code) ? { barcode: l.code, quantity: l.quantity }
        : { sku: l.code, quantity: l.quantity }), note: $('#receive-note').value.trim() || null };
      const r = await api('POST', '/api/v1/stock/receipts', body, { key: key });
      if (!r.ok) { P.showProblem($('#receive-form'), $('#receive-error'), r.problem); return; }
      $('#receive-done').textContent = name('done') + ': ' + r.data.document + ' – '
        + r.data.lines.map(l => l.sku + ' +' + number(l.quantity) + ' = ' + number(l.onHand)).join(', ');
      lines.length = 0;
      key = P.key();
      $('#receive-note').value = '';
      render();
    });
    render();
  };
})();
