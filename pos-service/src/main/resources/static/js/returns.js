/* Returns: the lookup comes back as an htmx fragment; the return goes to the JSON API. */
(function () {
  'use strict';
  const P = window.POS;
  P.pages.returns = function () {
    const { $, $$, t, money, api } = P;
    let key = null;

    document.body.addEventListener('htmx:afterSwap', () => {
      key = null;
      ageRequired = null; // a new receipt's form: no age check asked yet
      $('#return-result').hidden = true;
      const first = $('#return-form input.rq:not([disabled])');
      if (first) { first.focus(); first.select(); } else $('#receipt-input').select();
    });

    // Typing a quantity replaces the 0 rather than appending to it.
    document.addEventListener('focusin', e => { if (e.target.matches && e.target.matches('input.rq')) e.target.select(); });

    // Without a receipt: SKUs, the customer's ID or phone, a reason; store credit only, a manager always approves.
    const toggle = $('#no-receipt-toggle'), noReceipt = $('#noreceipt-form');
    let noReceiptKey = null;
    toggle.addEventListener('click', () => {
      noReceipt.hidden = !noReceipt.hidden;
      toggle.setAttribute('aria-expanded', String(!noReceipt.hidden));
      if (!noReceipt.hidden) { $('#return-result').hidden = true; $('#nr-items').focus(); }
    });
    noReceipt.addEventListener('input', () => { noReceiptKey = null; });
    noReceipt.addEventListener('submit', async e => {
      e.preventDefault();
      const error = $('#nr-error');
      P.clearErrors(noReceipt, error);
      const reason = $('#nr-reason').value;
      const lines = codes($('#nr-items').value).map(l => ({ sku: l.sku, quantity: l.quantity, reason: reason, restock: reason !== 'DEFECTIVE' }));
      if (!lines.length) { error.textContent = t('returns.nothing'); $('#nr-items').focus(); return; }
      const body = {
        drawerId: $('#nr-drawer').value,
        lines: lines,
        refundMethod: 'STORE_CREDIT',
        customerRef: $('#nr-customer').value.trim(),
        approval: { manager: $('#nr-manager').value.trim(), pin: $('#nr-pin').value }
      };
      noReceiptKey = noReceiptKey || P.key();
      $('#nr-submit').disabled = true;
      const r = await api('POST', '/api/v1/returns', body, { key: noReceiptKey });
      $('#nr-submit').disabled = false;
      if (!r.ok) {
        if (r.status !== 0) noReceiptKey = null;
        P.showProblem(noReceipt, error, r.problem);
        if (P.rule(r.problem) === 'approval-denied') $('#nr-pin').value = '';
        const bad = $('[aria-invalid]', noReceipt);
        (bad || $('#nr-items')).focus();
        return;
      }
      noReceiptKey = null;
      exchangeShown(false);
      showResult(r.data);
      noReceipt.reset();
      noReceipt.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
      $('#return-result').focus();
    });

    /** "2*LV-1001 LV-1002" -> [{sku, quantity}] */
    function codes(text) {
      return text.trim().split(/[\s,;]+/).filter(Boolean).map(code => {
        const star = /^(\d{1,4})\*(.+)$/.exec(code);
        return star ? { sku: star[2], quantity: parseInt(star[1], 10) } : { sku: code, quantity: 1 };
      });
    }

    /** The exchange figures: the stylesheet's grid for .totals outranks [hidden], so display is set too. */
    function exchangeShown(shown) {
      const dl = $('#exchange-result');
      dl.hidden = !shown;
      dl.style.display = shown ? '' : 'none';
    }

    function showResult(ret) {
      $('#return-number').textContent = ret.returnNumber;
      $('#refund-total').textContent = money(ret.refundTotal);
      const list = $('#refunds');
      list.innerHTML = '';
      (ret.refunds || []).forEach(x => {
        const li = document.createElement('li');
        li.textContent = t('tender.' + x.type) + ' ' + money(x.amount) + (x.maskedPan ? ' (' + x.maskedPan + ')' : '')
          + (x.storeCreditCode ? ' – ' + t('returns.creditCode', x.storeCreditCode) : '');
        list.appendChild(li);
      });
      const credit = (ret.refunds || []).map(x => x.storeCreditCode).filter(Boolean);
      $('#credit-line').hidden = !credit.length;
      $('#store-credit-code').textContent = credit.join(', ');
      const n = encodeURIComponent(ret.returnNumber);
      P.documentActions($('#return-doc'), { print: '/api/v1/returns/' + n + '/print',
        pdf: '/api/v1/returns/' + n + '/receipt?format=pdf' });
      $('#exchange-sale').hidden = true;
      $('#return-result').hidden = false;
    }

    // Exchange of age-restricted goods: the quote (or the API's refusal) names the minimum age; the clerk enters
    // the customer's date of birth or confirms the ID was checked, as on the sale page.
    const own = {};
    $$('#returns-i18n [data-k]').forEach(e => { own[e.dataset.k] = e.textContent; });
    const tt = (k, ...args) => own[k] ? args.reduce((s, a, i) => s.replace('{' + i + '}', a), own[k]) : t(k, ...args);
    let ageRequired = null;
    function showAgeCheck(minimumAge) {
      const box = $('#ex-age-check');
      if (!box || minimumAge === ageRequired) return;
      ageRequired = minimumAge;
      box.hidden = !minimumAge;
      $('#ex-age-dob').value = ''; $('#ex-age-id-checked').checked = false;
      if (minimumAge) {
        $('#ex-age-why').textContent = tt('sale.ageWhy', minimumAge);
        $('#ex-age-looks').textContent = tt('sale.ageLooksOver', minimumAge);
      }
    }
    /** The exchange's ageCheck: undefined when none is needed, false (and why shown) when the clerk has not checked. */
    function ageCheck(error) {
      if (!ageRequired) return undefined;
      if ($('#ex-age-id-checked').checked) return { idChecked: true, looksOver: ageRequired };
      const dob = $('#ex-age-dob'), typed = dob.value.trim();
      if (!typed) { error.textContent = tt('sale.ageNeeded', ageRequired); dob.setAttribute('aria-invalid', 'true'); dob.focus(); return false; }
      const iso = P.isoDate(typed);
      if (!iso) {
        error.textContent = tt('sale.badDate', $('label[for=ex-age-dob]').textContent, typed);
        dob.setAttribute('aria-invalid', 'true'); dob.focus(); return false;
      }
      return { dateOfBirth: iso };
    }

    // Exchange: what the customer pays or gets back, shown before the clerk submits. The returned
    // goods count at the net paid per unit; the new goods at the price a quote gives.
    let previewSeq = 0;
    async function previewExchange() {
      const form = $('#return-form'), out = $('#exchange-due');
      if (!form || !out) return;
      const mine = ++previewSeq;
      const newLines = codes($('#exchange-items').value).filter(l => l.quantity > 0);
      if (!newLines.length) { out.textContent = ''; showAgeCheck(null); return; }
      let returned = 0;
      $$('tr[data-line]', form).forEach(tr => {
        const q = parseInt($('input.rq', tr).value, 10) || 0;
        const sold = parseInt(tr.dataset.quantity, 10) || 1;
        if (q > 0) returned += Math.round(P.minor(tr.dataset.net) * q / sold);
      });
      const r = await api('POST', '/api/v1/sales/quote', { lines: newLines });
      if (mine !== previewSeq) return;
      if (!r.ok) { out.textContent = r.problem.detail || ''; return; }
      showAgeCheck(r.data.ageCheckRequired || null);
      const due = P.minor(r.data.total) - returned;
      out.textContent = due > 0 ? t('returns.exchangePays', money(P.fromMinor(due)))
        : due < 0 ? t('returns.exchangeRefund', money(P.fromMinor(-due))) : t('returns.exchangeEven');
    }
    document.addEventListener('input', e => {
      if (e.target.id === 'exchange-items' || (e.target.classList && e.target.classList.contains('rq'))) previewExchange();
    });

    document.addEventListener('submit', async e => {
      if (e.target.id !== 'return-form') return;
      e.preventDefault();
      const form = e.target, error = $('#return-error');
      const approval = P.approval('return');
      P.clearErrors(form, error);
      const lines = $$('tr[data-line]', form).map(tr => ({
        lineNo: parseInt(tr.dataset.line, 10),
        quantity: parseInt($('input.rq', tr).value, 10) || 0,
        reason: $('select.rr', tr).value,
        restock: $('select.rr', tr).value !== 'DEFECTIVE'
      })).filter(l => l.quantity > 0);
      if (!lines.length) { error.textContent = t('returns.nothing'); $('input.rq:not([disabled])', form)?.focus(); return; }
      const body = {
        receiptNumber: form.dataset.receipt,
        drawerId: $('#return-drawer').value,
        lines: lines,
        refundMethod: $('input[name="refundMethod"]:checked', form).value,
        approval: approval.value()
      };
      // Exchange: new goods go out in the same document; cash pays any difference.
      const newLines = $('#exchange-items').value.trim().split(/[\s,;]+/).filter(Boolean).map(code => {
        const star = /^(\d{1,4})\*(.+)$/.exec(code);
        return star ? { sku: star[2], quantity: parseInt(star[1], 10) } : { sku: code, quantity: 1 };
      });
      const exchange = newLines.length > 0;
      if (exchange) {
        const typed = $('#exchange-cash').value.trim();
        const cash = typed ? P.amount(typed) : null;
        if (typed && !cash) { error.textContent = t('error.field', $('label[for=exchange-cash]').textContent, typed); return; }
        body.returnLines = body.lines; delete body.lines;
        body.newLines = newLines;
        body.tenders = cash ? [{ type: 'CASH', amount: cash }] : [];
        const check = ageCheck(error);
        if (check === false) return;
        body.ageCheck = check;
      }
      key = key || P.key();
      $('#return-submit').disabled = true;
      const r = await api('POST', exchange ? '/api/v1/exchanges' : '/api/v1/returns', body, { key: key });
      $('#return-submit').disabled = false;
      if (!r.ok) {
        if (r.status !== 0) key = null;
        if (approval.ask(r.problem)) { error.textContent = ''; return; }
        const rule = P.rule(r.problem);
        if (exchange && (rule === 'under-age' || rule === 'age-check-required') && r.problem.minimumAge) {
          showAgeCheck(r.problem.minimumAge); // the check shows (again) when the API asks for it
        }
        P.showProblem(form, error, r.problem);
        return;
      }
      const ret = exchange ? r.data.returned : r.data;
      exchangeShown(exchange);
      if (exchange) {
        $('#ex-receipt').textContent = r.data.sale ? r.data.sale.receiptNumber : '–';
        $('#ex-returned').textContent = money(r.data.returnedValue);
        $('#ex-new').textContent = money(r.data.newTotal);
        $('#ex-difference').textContent = money(r.data.difference);
        $('#ex-change').textContent = r.data.sale ? money(r.data.sale.change) : '–';
      }
      showResult(ret);
      if (exchange && r.data.sale) {
        const s = encodeURIComponent(r.data.sale.receiptNumber);
        P.documentActions($('#exchange-sale-doc'), { print: '/api/v1/sales/' + s + '/print',
          pdf: '/api/v1/sales/' + s + '/receipt?format=pdf' });
        $('#exchange-sale').hidden = false;
      }
      if (exchange) {
        // The big line says who paid whom: the customer paid the difference, or got it back.
        const diff = P.minor(String(r.data.difference).replace('-', ''));
        const pays = !String(r.data.difference).startsWith('-') && diff > 0;
        $('#refund-label').textContent = pays ? t('returns.customerPaid') : t('returns.refundTotal');
        $('#refund-total').textContent = money(P.fromMinor(diff || 0));
      } else {
        $('#refund-label').textContent = t('returns.refundTotal');
      }
      form.remove();
      $('#return-result').focus();
    });
  };
})();
