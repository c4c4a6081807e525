/* The customer-facing display: the register's picture from the till, live over server-sent events
   (EventSource reconnects by itself; a gap shows "Reconnecting"). Shows the welcome, the basket with
   its total and the card's points, or what was paid and the change. */
(function () {
  'use strict';
  const P = window.POS;
  P.pages.display = function () {
    const { $, money } = P;
    const register = document.body.dataset.register;
    const own = {};
    document.querySelectorAll('#display-i18n [data-k]').forEach(e => { own[e.dataset.k] = e.textContent; });
    const points = n => new Intl.NumberFormat(document.documentElement.lang || 'en').format(n);
    let shown = 0;

    function show(picture) {
      if (picture.version && picture.version < shown) return;   // an older picture arriving late
      shown = picture.version || 0;
      document.body.dataset.version = String(shown);
      $('#display-welcome').hidden = picture.state !== 'IDLE';
      $('#display-basket').hidden = picture.state !== 'BASKET';
      $('#display-paid').hidden = picture.state !== 'PAID';
      const body = $('#display-lines');
      body.innerHTML = '';
      (picture.lines || []).forEach(l => {
        const tr = document.createElement('tr');
        [l.name, String(l.quantity), money(l.amount)].forEach((text, i) => {
          const td = document.createElement('td');
          if (i > 0) td.className = 'num';
          td.textContent = text;
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      const last = body.lastElementChild;
      if (last) last.scrollIntoView({ block: 'nearest' });
      $('#display-total').textContent = money(picture.total);
      const p = $('#display-points');
      p.hidden = picture.points === null || picture.points === undefined;
      p.textContent = p.hidden ? '' : own['display.points'].replace('{0}', points(picture.points));
      $('#display-paid-amount').textContent = money(picture.paid);
      $('#display-change').textContent = money(picture.change);
    }

    const events = new EventSource('/display/' + encodeURIComponent(register) + '/events');
    events.addEventListener('picture', e => { $('#display-offline').hidden = true; show(JSON.parse(e.data)); });
    events.addEventListener('error', () => { $('#display-offline').hidden = false; });
  };
})();
