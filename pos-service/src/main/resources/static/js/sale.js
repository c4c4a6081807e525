/* Sale: the scan field keeps the focus; each code and Enter adds a line and re-quotes the basket. */
(function () {
  'use strict';
  const P = window.POS;
  P.pages.sale = function () {
    const { $, $$, t, money, api } = P;
    const scan = $('#scan'), qty = $('#qty'), drawer = $('#drawer');
    const basket = [];           // [{sku, quantity}]
    let quote = null, saleKey = null, done = null, busy = false;

    const remembered = localStorage.getItem('pos-drawer');
    if (remembered && $$('option', drawer).some(o => o.value === remembered)) drawer.value = remembered;
    drawer.addEventListener('change', () => localStorage.setItem('pos-drawer', drawer.value));

    // A scanner is a keyboard: whenever nothing else holds the focus, the scan field takes it.
    document.addEventListener('focusout', () => setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) scan.focus();
    }, 0));

    function render() {
      const body = $('#lines');
      body.innerHTML = '';
      if (!basket.length) {
        body.innerHTML = '<tr class="empty"><td colspan="5"></td></tr>';
        body.querySelector('td').textContent = t('sale.empty');
      }
      (quote ? quote.lines : []).forEach((l, i) => {
        const tr = document.createElement('tr');
        const cells = [l.name + ' ', l.quantity, money(l.unitPrice), money(l.net)];
        cells.forEach((c, ci) => {
          const td = document.createElement('td');
          td.textContent = c;
          if (ci === 0) { const s = document.createElement('small'); s.className = 'muted'; s.textContent = l.sku; td.appendChild(s); }
          else td.className = 'num';
          tr.appendChild(td);
        });
        const td = document.createElement('td');
        const b = document.createElement('button');
        b.type = 'button'; b.className = 'secondary void-line'; b.textContent = t('sale.void');
        b.setAttribute('aria-label', t('sale.voidLine', l.name));
        b.addEventListener('click', () => { basket.splice(i, 1); requote().then(() => scan.focus()); });
        td.appendChild(b); tr.appendChild(td);
        body.appendChild(tr);
      });
      $('#total').textContent = quote ? money(quote.total) : '–';
      $('#tax-total').textContent = quote ? money(quote.taxTotal) : '–';
      $('#discount-total').textContent = quote ? money(quote.discountTotal) : '–';
      const promos = $('#promotions');
      promos.innerHTML = '';
      (quote && quote.promotions ? quote.promotions : []).forEach(p => {
        const li = document.createElement('li');
        li.textContent = (p.description || p.code) + ' −' + money(p.amount);
        promos.appendChild(li);
      });
      $('#cash-total').textContent = quote ? money(quote.cashTotal) : '–';
    }

    async function requote() {
      saleKey = null;
      if (!basket.length) { quote = null; render(); return; }
      const r = await api('POST', '/api/v1/sales/quote', { lines: basket });
      if (r.ok) { quote = r.data; render(); }
      else P.showProblem($('#scan-form'), $('#scan-error'), r.problem);
    }

    $('#scan-form').addEventListener('submit', async e => {
      e.preventDefault();
      let code = scan.value.trim();
      let quantity = parseInt(qty.value, 10) || 1;
      const star = /^(\d{1,4})\*(.+)$/.exec(code);       // "3*LV-1001" = three of them
      if (star) { quantity = parseInt(star[1], 10); code = star[2].trim(); }
      if (!code) return;
      if (done) newSale();
      P.clearErrors($('#scan-form'), $('#scan-error'));
      const item = await api('GET', '/api/v1/items/' + encodeURIComponent(code));
      if (!item.ok) {
        $('#scan-error').textContent = item.status === 404 ? t('sale.unknownItem', code) : item.problem.detail;
        scan.select();
        return;
      }
      basket.push({ sku: item.data.sku, quantity: quantity });
      scan.value = ''; qty.value = 1;
      await requote();
      scan.focus();
    });

    const methods = () => $$('input[name="method"]');
    const method = () => methods().find(m => m.checked).value;
    function showMethod() {
      $$('.method').forEach(d => { d.hidden = !d.dataset.method.split(' ').includes(method()); });
    }
    methods().forEach(m => m.addEventListener('change', showMethod));
    showMethod();

    $('#pay-form').addEventListener('submit', async e => {
      e.preventDefault();
      if (busy) return;
      const error = $('#pay-error');
      P.clearErrors($('#pay-form'), error);
      if (!basket.length) { error.textContent = t('sale.needLines'); scan.focus(); return; }
      const tenders = [];
      const m = method();
      if (m === 'STORE_CREDIT') tenders.push({ type: 'STORE_CREDIT', code: $('#credit-code').value.trim() });
      if (m === 'CARD') tenders.push({ type: 'CARD', card: { pan: $('#pan').value.replace(/\s+/g, ''), expiry: $('#expiry').value.trim() } });
      if (m === 'CASH' || (m === 'STORE_CREDIT' && $('#cash').value.trim())) {
        const typed = $('#cash').value.trim();
        const cash = typed ? P.amount(typed) : quote && quote.cashTotal;
        if (!cash) { $('#cash').setAttribute('aria-invalid', 'true'); error.textContent = t('error.field', $('label[for=cash]').textContent, typed); $('#cash').focus(); return; }
        tenders.push({ type: 'CASH', amount: cash });
      }
      saleKey = saleKey || P.key();
      busy = true; $('#pay').disabled = true;
      const r = await api('POST', '/api/v1/sales', { drawerId: drawer.value, lines: basket, tenders: tenders }, { key: saleKey });
      busy = false; $('#pay').disabled = false;
      if (!r.ok) {
        if (r.status !== 0) saleKey = null;
        P.showProblem($('#pay-form'), error, r.problem);
        return;
      }
      completed(r.data);
    });

    function completed(sale) {
      done = sale;
      $('#receipt-number').textContent = sale.receiptNumber;
      $('#change').textContent = money(sale.change);
      $('#paid').textContent = sale.tenders.map(x => t('tender.' + x.type) + ' ' + money(x.tendered || x.amount)
        + (x.maskedPan ? ' (' + x.maskedPan + ')' : '')).join(', ');
      $('#done-status').textContent = '';
      const pdf = $('#pdf');
      pdf.href = '#';
      api('GET', '/api/v1/sales/' + encodeURIComponent(sale.receiptNumber) + '/receipt?format=pdf', undefined, { blob: true })
        .then(r => { if (r.ok) pdf.href = URL.createObjectURL(r.blob); });
      $('#done').hidden = false;
      $('#pay-form').reset(); showMethod();
      scan.focus();
    }

    function newSale() {
      basket.length = 0; quote = null; done = null; saleKey = null;
      $('#done').hidden = true;
      render();
      scan.focus();
    }
    $('#new-sale').addEventListener('click', newSale);

    $('#print').addEventListener('click', async () => {
      const r = await api('POST', '/api/v1/sales/' + encodeURIComponent(done.receiptNumber) + '/print', {});
      $('#done-status').textContent = r.ok ? t('sale.printed') : r.problem.detail;
    });
    $('#email-form').addEventListener('submit', async e => {
      e.preventDefault();
      const r = await api('POST', '/api/v1/sales/' + encodeURIComponent(done.receiptNumber) + '/email',
        { to: $('#email').value.trim() });
      if (r.ok) { P.clearErrors($('#email-form'), $('#done-status')); $('#done-status').textContent = t('sale.emailed'); }
      else P.showProblem($('#email-form'), $('#done-status'), r.problem);
    });

    render();
  };
})();
