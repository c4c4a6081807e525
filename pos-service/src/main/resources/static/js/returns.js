/* Returns: the lookup comes back as an htmx fragment; the return goes to the JSON API. */
(function () {
  'use strict';
  const P = window.POS;
  P.pages.returns = function () {
    const { $, $$, t, money, api } = P;
    let key = null;

    document.body.addEventListener('htmx:afterSwap', () => {
      key = null;
      $('#return-result').hidden = true;
      const first = $('#return-form input.rq:not([disabled])');
      if (first) { first.focus(); first.select(); } else $('#receipt-input').select();
    });

    // Typing a quantity replaces the 0 rather than appending to it.
    document.addEventListener('focusin', e => { if (e.target.matches && e.target.matches('input.rq')) e.target.select(); });

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
      key = key || P.key();
      $('#return-submit').disabled = true;
      const r = await api('POST', '/api/v1/returns', body, { key: key });
      $('#return-submit').disabled = false;
      if (!r.ok) {
        if (r.status !== 0) key = null;
        if (approval.ask(r.problem)) { error.textContent = ''; return; }
        P.showProblem(form, error, r.problem);
        return;
      }
      const ret = r.data;
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
      form.remove();
      const result = $('#return-result');
      result.hidden = false;
      result.focus();
    });
  };
})();
