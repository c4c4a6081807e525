/* Sale: the scan field keeps the focus; each code and Enter adds a line and re-quotes the basket. */
(function () {
  'use strict';
  const P = window.POS;
  P.pages.sale = function () {
    const { $, $$, t, money, api } = P;
    const scan = $('#scan'), qty = $('#qty'), drawer = $('#drawer');
    const basket = [];           // [{sku, quantity}]
    let quote = null, saleKey = null, done = null, busy = false;
    let card = null;             // the loyalty card as GET /api/v1/loyalty/{card} shows it
    const coupons = [];          // coupon codes the quote accepted
    // Sentences of this page's own features (#sale-i18n), with the shared ones as fallback.
    const own = {};
    $$('#sale-i18n [data-k]').forEach(e => { own[e.dataset.k] = e.textContent; });
    const tt = (k, ...args) => own[k] ? args.reduce((s, a, i) => s.replace('{' + i + '}', a), own[k]) : t(k, ...args);
    const points = n => new Intl.NumberFormat(document.documentElement.lang || 'en').format(n);

    /** The quote's and the sale's extras: the loyalty card and the coupons. */
    function extras(body) {
      if (card) body.loyaltyCard = card.card;
      if (coupons.length) body.coupons = coupons.slice();
      return body;
    }

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
        li.dataset.code = p.code;
        promos.appendChild(li);
      });
      renderCoupons();
      $('#cash-total').textContent = quote ? money(quote.cashTotal) : '–';
    }

    /** Re-quotes the basket; returns the failed result, or null when the quote came back. */
    async function requote() {
      saleKey = null;
      if (!basket.length) { quote = null; render(); return null; }
      const r = await api('POST', '/api/v1/sales/quote', extras({ lines: basket }));
      if (r.ok) { quote = r.data; render(); return null; }
      P.showProblem($('#scan-form'), $('#scan-error'), r.problem);
      return r;
    }

    function renderCoupons() {
      const list = $('#coupons');
      list.innerHTML = '';
      coupons.forEach((c, i) => {
        const li = document.createElement('li');
        li.textContent = c + ' ';
        const b = document.createElement('button');
        b.type = 'button'; b.className = 'secondary remove-coupon'; b.textContent = tt('sale.couponRemove', c);
        b.addEventListener('click', () => { coupons.splice(i, 1); requote().then(() => $('#coupon').focus()); });
        li.appendChild(b);
        list.appendChild(li);
      });
    }

    // Loyalty card: Enter looks it up, shows the holder and the balance, and re-quotes (member prices).
    $('#card-form').addEventListener('submit', async e => {
      e.preventDefault();
      const input = $('#card'), code = input.value.trim();
      if (done) { newSale(); input.value = code; }
      P.clearErrors($('#card-form'), $('#card-error'));
      if (!code) { setCard(null); await requote(); return; }
      const r = await api('GET', '/api/v1/loyalty/' + encodeURIComponent(code));
      if (!r.ok) {
        setCard(null);
        input.setAttribute('aria-invalid', 'true');
        $('#card-error').textContent = r.status === 404 ? tt('sale.unknownCard', code) : r.problem.detail;
        input.select();
        await requote();
        return;
      }
      setCard(r.data);
      await requote();
      scan.focus();
    });
    $('#card-remove').addEventListener('click', async () => {
      setCard(null); $('#card').value = '';
      await requote();
      $('#card').focus();
    });
    function setCard(c) {
      card = c;
      $('#card-info').textContent = c ? tt('sale.cardHolder', c.holderName || c.customerId || c.card,
        points(c.balance), money(c.value)) : '';
      $('#card-remove').hidden = !c;
      $('#points-box').hidden = !c;
      if (!c) $('#points').value = '';
      else $('#points').max = c.balance;
    }

    // Coupon: Enter adds it to the quote; the API's 422 for an unknown coupon shows next to the field.
    $('#coupon-form').addEventListener('submit', async e => {
      e.preventDefault();
      const input = $('#coupon'), code = input.value.trim().toUpperCase();
      if (done) newSale();
      P.clearErrors($('#coupon-form'), $('#coupon-error'));
      if (!code) return;
      if (coupons.includes(code)) { input.value = ''; return; }
      coupons.push(code);
      if (!basket.length) { input.value = ''; renderCoupons(); scan.focus(); return; }
      const failed = await requote();
      if (failed) {
        coupons.splice(coupons.indexOf(code), 1);
        P.clearErrors($('#scan-form'), $('#scan-error'));
        input.setAttribute('aria-invalid', 'true');
        $('#coupon-error').textContent = failed.problem.detail;
        await requote();
        input.focus(); input.select();
        return;
      }
      input.value = '';
      scan.focus();
    });

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
      const typedPoints = $('#points').value.trim();
      const usePoints = card && typedPoints ? parseInt(typedPoints, 10) : 0;
      if (card && typedPoints && !(usePoints > 0)) {
        $('#points').setAttribute('aria-invalid', 'true');
        error.textContent = t('error.field', $('label[for=points]').textContent, typedPoints);
        $('#points').focus(); return;
      }
      if (usePoints) tenders.push({ type: 'LOYALTY_POINTS', points: usePoints });
      if (m === 'STORE_CREDIT') tenders.push({ type: 'STORE_CREDIT', code: $('#credit-code').value.trim() });
      if (m === 'CARD') tenders.push({ type: 'CARD', card: { pan: $('#pan').value.replace(/\s+/g, ''), expiry: $('#expiry').value.trim() } });
      const pointsPayAll = usePoints && !$('#cash').value.trim() && rest(usePoints) === null;
      if ((m === 'CASH' && !pointsPayAll) || (m === 'STORE_CREDIT' && $('#cash').value.trim())) {
        const typed = $('#cash').value.trim();
        const cash = typed ? P.amount(typed) : usePoints ? rest(usePoints) : quote && quote.cashTotal;
        if (!cash) { $('#cash').setAttribute('aria-invalid', 'true'); error.textContent = t('error.field', $('label[for=cash]').textContent, typed); $('#cash').focus(); return; }
        tenders.push({ type: 'CASH', amount: cash });
      }
      saleKey = saleKey || P.key();
      busy = true; $('#pay').disabled = true;
      const r = await api('POST', '/api/v1/sales', extras({ drawerId: drawer.value, lines: basket, tenders: tenders }), { key: saleKey });
      busy = false; $('#pay').disabled = false;
      if (!r.ok) {
        if (r.status !== 0) saleKey = null;
        P.showProblem($('#pay-form'), error, r.problem);
        return;
      }
      completed(r.data);
    });

    /** What is left in cash after the points pay their part (rounded up as the cash total is). */
    function rest(n) {
      if (!quote || !card || !card.balance) return quote && quote.cashTotal;
      const perPoint = P.minor(card.value) / card.balance;
      let left = P.minor(quote.total) - Math.floor(n * perPoint + 1e-9);
      if (left <= 0) return null;
      if (quote.cashTotal !== quote.total) left = Math.ceil(left / 5) * 5;
      return P.fromMinor(left);
    }

    function completed(sale) {
      done = sale;
      $('#receipt-number').textContent = sale.receiptNumber;
      $('#change').textContent = money(sale.change);
      $('#paid').textContent = sale.tenders.map(x => t('tender.' + x.type) + ' ' + money(x.tendered || x.amount)
        + (x.maskedPan ? ' (' + x.maskedPan + ')' : '')).join(', ');
      $('#done-status').textContent = '';
      $('#earned-line').hidden = !sale.loyaltyCard && !card;
      $('#points-earned').textContent = points(sale.pointsEarned || 0);
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
      coupons.length = 0; setCard(null); $('#card').value = '';
      P.clearErrors($('#card-form'), $('#card-error')); P.clearErrors($('#coupon-form'), $('#coupon-error'));
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
