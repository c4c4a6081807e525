/* Drawer: open with a count, movements, blind close (the expected cash only comes back with the
   result), post-void. The X report is an htmx fragment rendered for managers only. */
(function () {
  'use strict';
  const P = window.POS;
  P.pages.drawer = function () {
    const { $, t, money, api } = P;
    const select = $('#drawer-id');
    const openCount = P.countTable('open'), closeCount = P.countTable('close');
    const closeApproval = P.approval('close'), voidApproval = P.approval('void');
    const keys = {};
    const id = () => encodeURIComponent(select.value);

    const remembered = localStorage.getItem('pos-drawer');
    if (remembered && Array.from(select.options).some(o => o.value === remembered)) select.value = remembered;

    /* What training refuses (ADR 0005): no safe drop for a user in training or at a register in training. */
    function trainingLimits() {
      const training = select.dataset.trainingUser === 'true' || select.selectedOptions[0]?.dataset.training === 'true';
      const type = $('#mv-type'), safeDrop = type.querySelector('option[value="SAFE_DROP"]');
      safeDrop.disabled = training;
      if (training && type.value === 'SAFE_DROP') type.value = 'PAID_IN';
      $('#mv-training').hidden = !training;
    }

    async function refresh() {
      localStorage.setItem('pos-drawer', select.value);
      trainingLimits();
      const r = await api('GET', '/api/v1/drawers/' + id());
      const open = r.ok;
      $('#drawer-status').textContent = open ? t('drawer.isOpen', select.value, r.data.openedBy) : t('drawer.isClosed', select.value);
      $('#open-section').hidden = open;
      $('#movement-section').hidden = !open;
      $('#close-section').hidden = !open;
      const x = $('#xreport'); if (x) x.innerHTML = '';
    }
    select.addEventListener('change', () => { $('#close-result').hidden = true; refresh(); });

    $('#open-form').addEventListener('submit', async e => {
      e.preventDefault();
      keys.open = keys.open || P.key();
      const r = await api('POST', '/api/v1/drawers/' + id() + '/open', { float: openCount.counts() }, { key: keys.open });
      if (!r.ok) { if (r.status) keys.open = null; P.showProblem(e.target, $('#open-error'), r.problem); return; }
      keys.open = null;
      openCount.reset();
      $('#close-result').hidden = true;
      await refresh();
      $('#drawer-status').textContent = t('drawer.opened', select.value);
      $('#mv-amount').focus();
    });

    $('#movement-form').addEventListener('submit', async e => {
      e.preventDefault();
      const typed = $('#mv-amount').value.trim();
      const body = { type: $('#mv-type').value, amount: P.amount(typed) || typed, reason: $('#mv-reason').value.trim() };
      keys.move = keys.move || P.key();
      const r = await api('POST', '/api/v1/drawers/' + id() + '/movements', body, { key: keys.move });
      keys.move = null;
      if (!r.ok) { $('#movement-status').textContent = ''; P.showProblem(e.target, $('#movement-error'), r.problem); return; }
      P.clearErrors(e.target, $('#movement-error'));
      const moved = $('#mv-type').selectedOptions[0].textContent;
      // in training (ADR 0005) the movement is a training document with a TRN- number; the drawer's cash is unchanged
      $('#movement-status').textContent = r.data.training ? t('drawer.movedTraining', moved, money(r.data.amount), r.data.movementNumber)
        : t('drawer.moved', moved, money(r.data.amount));
      e.target.reset();
      $('#mv-amount').focus();
    });

    $('#close-form').addEventListener('submit', async e => {
      e.preventDefault();
      keys.close = keys.close || P.key();
      const r = await api('POST', '/api/v1/drawers/' + id() + '/close',
        { counted: closeCount.counts(), approval: closeApproval.value() }, { key: keys.close });
      if (!r.ok) {
        if (r.status) keys.close = null;
        if (closeApproval.ask(r.problem)) { $('#close-error').textContent = ''; return; }
        P.showProblem(e.target, $('#close-error'), r.problem);
        return;
      }
      keys.close = null;
      const c = r.data;
      $('#cr-expected').textContent = money(c.expectedCash);
      $('#cr-counted').textContent = money(c.countedCash);
      $('#cr-variance').textContent = money(c.variance);
      $('#cr-result').textContent = t('drawer.result.' + c.result);
      // Green only when it balances: a shortage or overage is a warning, with its word and amount.
      const balanced = c.result === 'BALANCED';
      $('#cr-verdict').textContent = t('drawer.verdict.' + c.result, money(String(c.variance).replace(/^-/, '')));
      $('#close-result').className = balanced ? 'done' : 'variance';
      const approvers = JSON.parse($('#cr-approved').dataset.labels || '{}');
      $('#cr-approved').textContent = c.approvedBy ? (approvers[c.approvedBy] || c.approvedBy) : '–';
      const closed = encodeURIComponent(id()), session = c.sessionId ? encodeURIComponent(c.sessionId) : null;
      P.documentActions($('#close-doc'), {
        print: '/api/v1/drawers/' + closed + '/close-report/print', body: session ? { session: c.sessionId } : {},
        pdf: '/api/v1/drawers/' + closed + '/close-report?format=pdf' + (session ? '&session=' + session : '') });
      closeCount.reset(); closeApproval.reset();
      P.clearErrors(e.target, $('#close-error'));
      await refresh();
      const result = $('#close-result');
      result.hidden = false;
      result.focus();
    });

    $('#void-form').addEventListener('submit', async e => {
      e.preventDefault();
      const receipt = $('#void-receipt').value.trim();
      keys.void = keys.void || P.key();
      const r = await api('POST', '/api/v1/sales/' + encodeURIComponent(receipt) + '/void',
        { reason: $('#void-reason').value.trim(), approval: voidApproval.value() }, { key: keys.void });
      if (!r.ok) {
        if (r.status) keys.void = null;
        $('#void-status').textContent = '';
        if (voidApproval.ask(r.problem)) { $('#void-error').textContent = ''; return; }
        P.showProblem(e.target, $('#void-error'), r.problem);
        return;
      }
      keys.void = null;
      P.clearErrors(e.target, $('#void-error'));
      voidApproval.reset();
      e.target.reset();
      const trainingVoid = r.data.receiptNumber.startsWith('TRN-'); // a training sale voided in training (ADR 0005)
      $('#void-status').textContent = t(trainingVoid ? 'void.doneTraining' : 'void.done', r.data.receiptNumber, money(r.data.total));
    });

    refresh();
  };

  P.pages.day = function () {
    const { $, t, api } = P;
    // Closing the day cannot be undone (no more sales until the next day): it asks first, "No" has the focus.
    const confirm = $('#day-confirm');
    $('#day-close').addEventListener('click', () => {
      const date = $('#day-date').value;
      P.clearErrors($('#day-form'), $('#day-error'));
      const text = $('#day-confirm-text');
      text.textContent = text.dataset.template.replace('{0}', date ? new Date(date + 'T12:00:00').toLocaleDateString(document.documentElement.lang) : '');
      confirm.hidden = false;
      $('#day-confirm-no').focus();
    });
    $('#day-confirm-no').addEventListener('click', () => { confirm.hidden = true; $('#day-close').focus(); });
    // The Z report shown: print it on a register's printer, or open it as PDF.
    const zBox = $('#z-print');
    if (zBox) {
      const z = encodeURIComponent(zBox.dataset.z), register = $('#z-register');
      const actions = () => P.documentActions($('#z-doc'), { print: '/api/v1/reports/z/' + z + '/print',
        body: { registerId: register.value }, pdf: '/api/v1/reports/z/' + z + '/document?format=pdf' });
      register.addEventListener('change', actions);
      actions();
    }
    // Training mode (ADR 0005): put a user or a register in training and take it out; the banner shows it.
    document.querySelectorAll('[data-training]').forEach(button => button.addEventListener('click', async () => {
      const [kind, method] = button.dataset.training.split(':');
      const id = kind === 'users' ? $('#training-user').value.trim() : $('#training-register').value;
      P.clearErrors($('#training-form'), $('#training-error'));
      if (!id) { $('#training-user').focus(); return; }
      const r = await api(method, '/api/v1/training/' + kind + '/' + encodeURIComponent(id));
      if (!r.ok) { P.showProblem($('#training-form'), $('#training-error'), r.problem); return; }
      window.location.reload();
    }));
    confirm.addEventListener('keydown', e => { if (e.key === 'Escape') $('#day-confirm-no').click(); });
    $('#day-confirm-yes').addEventListener('click', async () => {
      confirm.hidden = true;
      const date = $('#day-date').value;
      const r = await api('POST', '/api/v1/business-days/' + encodeURIComponent(date) + '/close', {}, { key: P.key() });
      if (!r.ok) { P.showProblem($('#day-form'), $('#day-error'), r.problem); return; }
      window.location.assign(window.location.pathname + '?date=' + encodeURIComponent(date));
    });
  };
})();
