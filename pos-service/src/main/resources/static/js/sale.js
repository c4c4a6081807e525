/* Sale: the scan field keeps the focus. Each Enter clears the field at once and queues the code;
   the queue is worked strictly in order (look up, add or merge the line, re-quote), so a burst of
   scans is never concatenated or dropped. A failed scan stays listed, naming its code, until the
   clerk acknowledges it (OK, or Esc in the empty scan field); bad entries never reach the basket. */
(function () {
  'use strict';
  const P = window.POS;
  P.pages.sale = function () {
    const { $, $$, t, money, api } = P;
    const scan = $('#scan'), qty = $('#qty'), drawer = $('#drawer');
    const MAX_QTY = 999;
    const merge = document.body.dataset.mergeLines !== 'false';
    const basket = [];           // [{sku, quantity}], in scan order
    let quote = null, saleKey = null, done = null, busy = false;
    let card = null;             // the loyalty card as GET /api/v1/loyalty/{card} shows it
    const coupons = [];          // coupon codes the quote accepted
    const queue = [];            // scans not yet worked: [{code, quantity} | {sku, quantity, label}]
    let working = null;          // the promise working the queue, null when idle
    let quoteSeq = 0;            // only the newest quote's answer is shown
    let changedSku = null;       // the line to show after a scan
    let saleDiscount = null;     // {percent | amount, reason} on the whole sale
    let adjusting = null;        // the basket index the price/discount form is open for, -1 = the sale
    const discountApproval = P.approval('discount');
    let exemption = null;        // {reason, document, lines}: the sale (lines null) or those basket lines sold tax-exempt (not kept over a reload)
    let ageRequired = null;      // the minimum age the quote asks the clerk to check; null = no check
    // Sentences of this page's own features (#sale-i18n), with the shared ones as fallback.
    const own = {};
    $$('#sale-i18n [data-k]').forEach(e => { own[e.dataset.k] = e.textContent; });
    const tt = (k, ...args) => own[k] ? args.reduce((s, a, i) => s.replace('{' + i + '}', a), own[k]) : t(k, ...args);
    const points = n => new Intl.NumberFormat(document.documentElement.lang || 'en').format(n);

    /** The quote's and the sale's extras: the loyalty card and the coupons. */
    function extras(body) {
      if (card) body.loyaltyCard = card.card;
      if (coupons.length) body.coupons = coupons.slice();
      if (saleDiscount) body.discount = { ...saleDiscount };
      const nos = exemptLineNos();
      if (exemption && nos && !nos.length) exemption = null; // every chosen line left the basket
      if (exemption) body.taxExemption = nos ? { reason: exemption.reason, document: exemption.document, lineNos: nos }
        : { reason: exemption.reason, document: exemption.document };
      return body;
    }

    /** The request's line numbers of the lines chosen for the exemption; null = the whole sale. */
    function exemptLineNos() {
      if (!exemption || !exemption.lines) return null;
      return exemption.lines.map(l => basket.indexOf(l) + 1).filter(n => n > 0).sort((a, b) => a - b);
    }

    const remembered = localStorage.getItem('pos-drawer');
    if (remembered && $$('option', drawer).some(o => o.value === remembered)) drawer.value = remembered;
    drawer.addEventListener('change', () => localStorage.setItem('pos-drawer', drawer.value));

    // A scanner is a keyboard: whenever nothing else holds the focus, the scan field takes it.
    document.addEventListener('focusout', () => setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) scan.focus();
    }, 0));

    // ---- errors of the scan field: one entry per failed code, each acknowledged by the clerk ----
    const errors = $('#scan-error');
    function scanError(text) {
      const li = document.createElement('li');
      const span = document.createElement('span');
      span.textContent = text;
      const ok = document.createElement('button');
      ok.type = 'button'; ok.className = 'secondary ack'; ok.textContent = tt('sale.errorOk');
      ok.setAttribute('aria-label', tt('sale.errorOkLabel', text));
      ok.addEventListener('click', () => { li.remove(); errorsChanged(); scan.focus(); });
      li.append(span, ok);
      errors.appendChild(li);
      errorsChanged();
      const box = errors.parentElement; box.scrollTop = box.scrollHeight;
    }
    function errorsChanged() {
      if (errors.children.length) scan.setAttribute('aria-invalid', 'true'); else scan.removeAttribute('aria-invalid');
      $('#scan-errors-ok').hidden = errors.children.length < 2;
    }
    function clearScanErrors() { errors.innerHTML = ''; errorsChanged(); }

    /** Scrolls only the box (never the page or a clipped panel) so that the element is in sight. */
    function reveal(box, el) {
      const b = box.getBoundingClientRect(), r = el.getBoundingClientRect();
      if (r.bottom > b.bottom) box.scrollTop += r.bottom - b.bottom;
      else if (r.top < b.top) box.scrollTop -= b.top - r.top;
    }

    /** A quantity a clerk typed, or null when it is not a whole number from 1 to 999. */
    function quantityOf(text) {
      const s = String(text).trim();
      if (!/^\d{1,4}$/.test(s)) return null;
      const n = parseInt(s, 10);
      return n >= 1 && n <= MAX_QTY ? n : null;
    }

    function render() {
      const body = $('#lines');
      body.innerHTML = '';
      if (!basket.length) {
        body.innerHTML = '<tr class="empty"><td colspan="5"></td></tr>';
        body.querySelector('td').textContent = t('sale.empty');
      }
      let shown = null;
      (quote ? quote.lines : []).forEach((l, i) => {
        const tr = document.createElement('tr');
        tr.dataset.sku = l.sku;
        const name = document.createElement('td');
        name.textContent = (l.giftCard ? tt(l.giftCard.kind === 'RELOAD' ? 'sale.giftCardReload' : 'sale.giftCard') : l.name) + ' ';
        const s = document.createElement('small'); s.className = 'muted';
        s.textContent = l.giftCard ? l.giftCard.number : l.sku; name.appendChild(s); // a gift card: masked
        if (l.giftCard) tr.className = 'gift-line';
        const notes = (quote.discounts || []).filter(d => d.lineNo === i + 1).map(note);
        if (notes.length) {
          const n = document.createElement('small'); n.className = 'manual-discount'; n.textContent = ' ' + notes.join(', ');
          name.appendChild(n);
        }
        tr.appendChild(name);
        const q = document.createElement('td');
        q.className = 'num';
        const input = document.createElement('input');
        input.type = 'number'; input.min = 1; input.max = MAX_QTY; input.step = 1; input.inputMode = 'numeric';
        input.className = 'line-qty'; input.value = l.quantity;
        input.disabled = !!l.giftCard; // a gift card is one card
        input.setAttribute('aria-label', tt('sale.lineQty', l.name));
        input.addEventListener('change', () => setQuantity(i, input));
        input.addEventListener('keydown', e => {
          if (e.key === 'Enter') { e.preventDefault(); scan.focus(); }
          if (e.key === 'Escape') { input.value = basket[i] ? basket[i].quantity : l.quantity; scan.focus(); }
        });
        q.appendChild(input);
        tr.appendChild(q);
        [money(l.unitPrice), money(l.net)].forEach(c => {
          const td = document.createElement('td');
          td.className = 'num'; td.textContent = c;
          tr.appendChild(td);
        });
        const td = document.createElement('td');
        const b = document.createElement('button');
        b.type = 'button'; b.className = 'secondary void-line'; b.textContent = t('sale.void');
        b.setAttribute('aria-label', t('sale.voidLine', l.name));
        b.addEventListener('click', () => { basket.splice(i, 1); requote().then(said).then(() => scan.focus()); });
        const adj = document.createElement('button');
        adj.type = 'button'; adj.className = 'secondary adjust-line'; adj.textContent = '%'; adj.title = tt('sale.adjust');
        adj.setAttribute('aria-label', tt('sale.adjustLine', l.name)); adj.setAttribute('aria-keyshortcuts', 'F7');
        adj.addEventListener('click', () => openAdjust(i));
        if (!l.giftCard) td.appendChild(adj); // no discount on a gift card
        if (!l.giftCard) td.appendChild(otherStoresButton(l)); // a gift card is in no store's stock
        td.appendChild(b); tr.appendChild(td);
        if (l.sku === changedSku) { tr.className = 'changed'; shown = tr; }
        body.appendChild(tr);
      });
      if (shown) reveal($('#lines-box'), shown);
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
      (quote && quote.discounts ? quote.discounts : []).filter(d => d.lineNo === 0).forEach(d => {
        const li = document.createElement('li');
        li.className = 'manual-discount';
        li.textContent = tt('sale.saleDiscount') + ' ' + note(d);
        promos.appendChild(li);
      });
      renderCoupons();
      $('#cash-total').textContent = quote ? money(quote.cashTotal) : '–';
      const ex = $('#exempt-status');
      ex.hidden = !exemption;
      const reasonText = exemption ? $('#exempt-reason option[value="' + exemption.reason + '"]').textContent : '';
      const nos = exemptLineNos();
      ex.textContent = !exemption ? '' : nos ? tt('sale.exemptActiveLines', reasonText, exemption.document, nos.join(', '))
        : tt('sale.exemptActive', reasonText, exemption.document);
      keep();
      if (!done) {
        showCustomer(quote && basket.length ? { state: 'BASKET', lines: customerLines(quote.lines), total: quote.total,
          points: card ? card.balance : null } : { state: 'IDLE' });
      }
    }

    // ---- the customer display of the drawer's register (/display/{register}): it follows the basket ----
    // Pictures go one at a time and only the newest waiting one is sent, so the display never goes back.
    const registerOf = () => { const o = drawer.selectedOptions[0]; return o ? o.dataset.register : null; };
    let picture = null, sendingPicture = false, lastPicture = { state: 'IDLE' }, shownAt = registerOf();
    const customerLines = lines => lines.map(l => ({ name: l.name, quantity: l.quantity, amount: l.net }));
    function showCustomer(p) {
      picture = p; lastPicture = p;
      if (!sendingPicture) sendPictures();
    }
    async function sendPictures() {
      sendingPicture = true;
      try {
        while (picture) {
          const p = picture, register = registerOf();
          picture = null;
          if (register) await api('PUT', '/api/v1/registers/' + encodeURIComponent(register) + '/display', p);
        }
      } catch (e) {
        // the display is a courtesy: a till that cannot reach it goes on selling
      } finally {
        sendingPicture = false;
      }
    }
    function displayLink() {
      const register = registerOf();
      const a = $('#display-open');
      a.hidden = !register;
      if (register) a.href = '/display/' + encodeURIComponent(register);
    }
    // another drawer, another register: its display takes over the picture, the one left shows the welcome
    drawer.addEventListener('change', () => {
      const before = shownAt;
      shownAt = registerOf();
      displayLink();
      if (before && before !== shownAt) {
        api('PUT', '/api/v1/registers/' + encodeURIComponent(before) + '/display', { state: 'IDLE' });
      }
      showCustomer(lastPicture);
    });
    displayLink();
    /** The paid sale on the customer's side: what was handed over, the change and, with a card, the new balance. */
    function customerPaid(sale) {
      const handed = sale.tenders.reduce((n, x) => n + P.minor(x.tendered || x.amount), 0);
      const paid = { state: 'PAID', lines: customerLines(sale.lines), total: sale.total, paid: P.fromMinor(handed),
        change: sale.change, points: null };
      showCustomer(paid);
      if (sale.loyaltyCard) {
        api('GET', '/api/v1/loyalty/' + encodeURIComponent(sale.loyaltyCard)).then(r => {
          if (r.ok && done === sale) showCustomer({ ...paid, points: r.data.balance });
        });
      }
    }

    // The open basket survives a reload and a visit to another page (this browser is the till).
    const BASKET = 'pos-basket';
    function keep() {
      if (done || (!basket.length && !coupons.length && !card)) { localStorage.removeItem(BASKET); return; }
      // a gift card line is not kept: its number is card data, never written to the browser's storage
      localStorage.setItem(BASKET, JSON.stringify({ lines: basket.filter(l => !l.giftCard), coupons: coupons, card: card ? card.card : null,
        discount: saleDiscount }));
    }
    async function restoreKept() {
      let saved = null;
      try { saved = JSON.parse(localStorage.getItem(BASKET) || 'null'); } catch (e) { saved = null; }
      await load(saved);
    }
    /** Puts a basket ({lines, coupons, card | loyaltyCard, discount}) on the till and prices it; false if it does not price. */
    async function load(saved) {
      if (!saved || !Array.isArray(saved.lines)) return false;
      saved.lines.filter(l => l && l.sku && quantityOf(l.quantity) !== null)
        .forEach(l => basket.push({ sku: String(l.sku), quantity: quantityOf(l.quantity),
          priceOverride: l.priceOverride || undefined, discount: l.discount || undefined }));
      saleDiscount = saleDiscount || saved.discount || null;
      (saved.coupons || []).forEach(c => coupons.push(String(c)));
      const cardNumber = saved.card || saved.loyaltyCard;
      if (cardNumber) {
        const r = await api('GET', '/api/v1/loyalty/' + encodeURIComponent(cardNumber));
        if (r.ok) setCard(r.data);
      }
      const failed = await requote();
      if (failed) { basket.length = 0; coupons.length = 0; saleDiscount = null; setCard(null); quote = null; render(); }
      return !failed;
    }

    /** A line's quantity typed in the basket: refused in the browser unless 1 to 999. */
    function setQuantity(i, input) {
      if (!basket[i]) return;
      const n = quantityOf(input.value);
      if (n === null) {
        scanError(tt('sale.badQuantity', input.value.trim() || '?', MAX_QTY));
        input.value = basket[i].quantity;
        return;
      }
      if (n === basket[i].quantity) return;
      const before = basket[i].quantity;
      basket[i].quantity = n;
      changedSku = basket[i].sku;
      requote().then(failed => {
        if (failed && basket[i]) { said(failed); basket[i].quantity = before; requote(); }
      });
    }

    /** Re-quotes the basket; returns the failed result, or null when the quote came back (or was overtaken). */
    async function requote() {
      saleKey = null;
      const mine = ++quoteSeq;
      if (!basket.length) { quote = null; render(); return null; }
      const r = await api('POST', '/api/v1/sales/quote', extras({ lines: basket.map(l => ({ ...l })) }));
      if (mine !== quoteSeq) return null;
      if (r.ok) {
        quote = r.data; render();
        showAgeCheck(quote.ageCheckRequired || null);
        // approval in place: the manager's fields show (without taking the focus) while the quote needs them
        const box = $('#discount-approval');
        if (quote.approvalNeeded && quote.approvalNeeded.length) {
          box.hidden = false;
          const why = quote.approvalNeeded.join('; ');
          $('.approval-why', box).textContent = t('approval.needed') + ' ' + why.charAt(0).toUpperCase() + why.slice(1) + '.';
        } else {
          discountApproval.reset();
        }
        return null;
      }
      return r;
    }

    /** A quote that failed where nobody else reports it: the reason joins the scan errors. */
    function said(failed) { if (failed) scanError(failed.problem.detail); }

    function renderCoupons() {
      const list = $('#coupons');
      list.innerHTML = '';
      coupons.forEach((c, i) => {
        const li = document.createElement('li');
        li.textContent = c + ' ';
        const b = document.createElement('button');
        b.type = 'button'; b.className = 'secondary remove-coupon'; b.textContent = tt('sale.couponRemove', c);
        b.addEventListener('click', () => { coupons.splice(i, 1); requote().then(said).then(() => $('#coupon').focus()); });
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
      await idle();
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
      await idle();
      coupons.push(code);
      if (!basket.length) { input.value = ''; renderCoupons(); scan.focus(); return; }
      const failed = await requote();
      if (failed) {
        coupons.splice(coupons.indexOf(code), 1);
        input.setAttribute('aria-invalid', 'true');
        $('#coupon-error').textContent = failed.problem.detail;
        await requote();
        input.focus(); input.select();
        return;
      }
      input.value = '';
      scan.focus();
    });

    // ---- the on-screen numpad (touch): keys go to the field last used (the scan field at first) ----
    // Its buttons never take the focus, so the caret stays where the clerk was; Enter does what Enter does there.
    const numpad = $('#numpad'), numpadToggle = $('#numpad-toggle');
    let numpadField = scan;
    document.addEventListener('focusin', e => {
      if (e.target.matches && e.target.matches('main input:not([type=radio]):not([type=checkbox])')) numpadField = e.target;
    });
    function showNumpad(on) {
      numpad.hidden = !on;
      numpadToggle.setAttribute('aria-pressed', String(on));
      localStorage.setItem('pos-numpad', on ? 'on' : 'off');
    }
    const numpadSaved = localStorage.getItem('pos-numpad');
    showNumpad(numpadSaved ? numpadSaved === 'on' : window.matchMedia('(pointer: coarse)').matches);
    numpadToggle.addEventListener('click', () => { showNumpad(numpad.hidden); numpadField.focus(); });
    $$('button', numpad).forEach(b => {
      b.addEventListener('pointerdown', e => e.preventDefault());   // keep the focus in the field
      b.addEventListener('mousedown', e => e.preventDefault());
      b.addEventListener('click', () => numpadKey(b.dataset.key));
    });
    function numpadKey(k) {
      const f = numpadField && document.contains(numpadField) ? numpadField : scan;
      f.focus();
      const text = f.type !== 'number';                  // number fields have no caret to insert at
      if (k === 'Enter') {
        if (f.form) f.form.requestSubmit();
        else { f.dispatchEvent(new Event('change', { bubbles: true })); scan.focus(); }
      } else if (k === 'Clear') {
        f.value = '';
      } else if (k === 'Backspace') {
        if (text && f.selectionStart !== f.selectionEnd) f.setRangeText('', f.selectionStart, f.selectionEnd, 'end');
        else if (text && f.selectionStart > 0) f.setRangeText('', f.selectionStart - 1, f.selectionStart, 'end');
        else if (!text) f.value = String(f.value).slice(0, -1);
      } else if (text) {
        f.setRangeText(k, f.selectionStart, f.selectionEnd, 'end');
      } else if (/\d/.test(k)) {
        f.value = String(f.value) + k;
      }
      if (k !== 'Enter') f.dispatchEvent(new Event('input', { bubbles: true }));
    }

    // ---- the scan queue ----
    $('#scan-form').addEventListener('submit', e => {
      e.preventDefault();
      const typed = scan.value.trim();
      scan.value = '';                                    // at once: the next scan starts in an empty field
      const typedQty = qty.value;
      qty.value = 1;
      if (!typed) { if (matchList.open()) matchList.pick(); return; }
      if (done) newSale();
      let code = typed, quantity = String(typedQty).trim() === '' ? 1 : quantityOf(typedQty);
      const star = /^([^*]*)\*(.*)$/.exec(typed);          // "3*LV-1001" = three of them
      if (star) { quantity = quantityOf(star[1]); code = star[2].trim(); }
      if (quantity === null) {
        scanError(tt('sale.notAdded', typed) + ' ' + tt('sale.badQuantity', star ? star[1].trim() || '?' : typedQty, MAX_QTY));
        return;
      }
      if (!code) return;
      enqueue({ code: code, quantity: quantity });
    });
    scan.addEventListener('keydown', e => {
      if (scan.value) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { if (matchList.open()) { e.preventDefault(); matchList.move(e.key === 'ArrowDown' ? 1 : -1); } }
      else if (e.key === 'Escape') { if (matchList.open()) matchList.close(); else clearScanErrors(); }
    });
    // Quick keys: items without a barcode, one touch each (the quantity field counts as for a scan).
    $$('.quick-key').forEach(b => b.addEventListener('click', () => {
      const quantity = String(qty.value).trim() === '' ? 1 : quantityOf(qty.value);
      qty.value = 1;
      if (done) newSale();
      if (quantity === null) { scanError(tt('sale.notAdded', b.textContent) + ' ' + tt('sale.badQuantity', qty.value, MAX_QTY)); return; }
      enqueue({ sku: b.dataset.sku, quantity: quantity, label: b.textContent.trim(), quick: true });
      scan.focus();
    }));
    $('#scan-errors-ok').addEventListener('click', () => { clearScanErrors(); scan.focus(); });

    function enqueue(entry) {
      queue.push(entry);
      $('#pending').textContent = queue.length > 1 ? tt('sale.pending', queue.length) : '';
      if (!working) working = work().finally(() => { working = null; $('#pending').textContent = ''; });
    }
    /** Resolves when every queued scan has been worked. */
    async function idle() {
      while (working) await working;
    }

    async function work() {
      let good = snapshot();     // the basket as last quoted
      let batch = [];            // scans added since
      while (queue.length) {
        const entry = queue.shift();
        $('#pending').textContent = queue.length > 1 ? tt('sale.pending', queue.length) : '';
        const sku = entry.sku && !entry.quick ? entry.sku : await lookup(entry.quick ? { code: entry.sku, quantity: entry.quantity } : entry);
        if (sku && add(sku, entry.quantity, entry.code || entry.label)) batch.push(entry);
        if (queue.length || !batch.length) continue;
        // the queue ran dry: one quote for what was added meanwhile
        const failed = await requote();
        if (failed) {
          restore(good);
          batch.forEach(b => scanError(tt('sale.notAdded', b.code || b.label) + ' ' + failed.problem.detail));
          await requote();
        } else {
          good = snapshot();
        }
        batch = [];
      }
    }

    /** The item's SKU for a scanned code, or null after saying why (and offering matches by name). */
    async function lookup(entry) {
      const item = await api('GET', '/api/v1/items/' + encodeURIComponent(entry.code));
      if (item.ok) return item.data.sku;
      if (item.status !== 404) { scanError(entry.code + ': ' + item.problem.detail); return null; }
      const found = await api('GET', '/api/v1/items?limit=20&q=' + encodeURIComponent(entry.code));
      if (found.ok && found.data && found.data.length) { matchList.show(entry, found.data); return null; }
      scanError(t('sale.unknownItem', entry.code));
      return null;
    }

    /** Adds a line or, with merging on, adds to the line of the same item; false when refused. */
    function add(sku, quantity, code) {
      const same = merge ? basket.find(l => l.sku === sku) : null;
      if (same && same.quantity + quantity > MAX_QTY) {
        scanError(tt('sale.notAdded', code) + ' ' + tt('sale.badQuantity', same.quantity + quantity, MAX_QTY));
        return false;
      }
      if (same) same.quantity += quantity; else basket.push({ sku: sku, quantity: quantity });
      changedSku = sku;
      return true;
    }
    const snapshot = () => basket.map(l => ({ ...l }));
    function restore(s) { basket.length = 0; s.forEach(l => basket.push(l)); }

    // ---- matches by name, SKU or barcode: a list under the scan field; the focus stays in the field ----
    const matchList = (function () {
      const box = $('#matches'), list = $('#match-list');
      let entry = null, active = 0;
      function items() { return $$('li', list); }
      function highlight(i) {
        const all = items();
        if (!all.length) return;
        active = (i + all.length) % all.length;
        all.forEach((li, j) => li.setAttribute('aria-selected', j === active ? 'true' : 'false'));
        scan.setAttribute('aria-activedescendant', all[active].id);
        reveal(list, all[active]);
      }
      function choose(li) {
        const e = entry;
        close();
        if (done) newSale();
        enqueue({ sku: li.dataset.sku, quantity: e.quantity, label: e.code });
        scan.focus();
      }
      function close() {
        box.hidden = true; list.innerHTML = ''; entry = null;
        scan.removeAttribute('aria-activedescendant'); scan.setAttribute('aria-expanded', 'false');
      }
      return {
        open: () => !box.hidden,
        show(e, found) {
          entry = e;
          list.innerHTML = '';
          $('#matches-h').textContent = tt('sale.matches', e.code, found.length);
          found.forEach((it, i) => {
            const li = document.createElement('li');
            li.id = 'match-' + i; li.setAttribute('role', 'option'); li.dataset.sku = it.sku;
            const n = document.createElement('span'); n.textContent = it.name;
            const c = document.createElement('small'); c.className = 'muted'; c.textContent = it.sku + ' · ' + it.barcode;
            const p = document.createElement('span'); p.className = 'num'; p.textContent = money(it.price);
            li.append(n, c, p);
            li.addEventListener('mousedown', ev => ev.preventDefault());
            li.addEventListener('click', () => choose(li));
            list.appendChild(li);
          });
          box.hidden = false;
          scan.setAttribute('aria-expanded', 'true');
          highlight(0);
        },
        move(d) { highlight(active + d); },
        pick() { const li = items()[active]; if (li) choose(li); },
        close: close
      };
    })();
    $('#matches-close').addEventListener('click', () => { matchList.close(); scan.focus(); });

    const methods = () => $$('input[name="method"]');
    const method = () => methods().find(m => m.checked).value;
    function showMethod() {
      $$('.method').forEach(d => { d.hidden = !d.dataset.method.split(' ').includes(method()); });
    }
    methods().forEach(m => m.addEventListener('change', showMethod));
    showMethod();

    // The tender fields scroll in their own box on a small screen: the field in use stays in sight,
    // also when an error line below takes room.
    const payFields = $('.pay-fields');
    function showPayField() {
      const f = document.activeElement;
      const block = f && payFields.contains(f) ? (f.closest('.method, #points-box, fieldset') || f)
        : $$('.method', payFields).find(d => !d.hidden);
      if (block) reveal(payFields, block);
    }
    $('#pay-form').addEventListener('focusin', showPayField);
    $('#pay-form').addEventListener('submit', async e => {
      e.preventDefault();
      await pay();
      showPayField();
    });

    async function pay() {
      if (busy) return;
      const error = $('#pay-error');
      P.clearErrors($('#pay-form'), error);
      busy = true;
      try {
        await idle();              // every scan typed before Pay is in the basket first
      } finally {
        busy = false;
      }
      if (done) { error.textContent = tt('sale.alreadyPaid', done.receiptNumber); scan.focus(); return; }
      if (errors.children.length) { error.textContent = tt('sale.checkErrors', errors.children.length); errors.querySelector('.ack').focus(); return; }
      if (!basket.length) { error.textContent = t('sale.needLines'); scan.focus(); return; }
      if (!quote) { const failed = await requote(); if (failed) { P.showProblem($('#pay-form'), error, failed.problem); return; } }
      const tenders = [];
      const m = method();
      const typedPoints = $('#points').value.trim();
      const usePoints = card && typedPoints ? parseInt(typedPoints, 10) : 0;
      if (card && typedPoints && !(usePoints > 0)) {
        $('#points').setAttribute('aria-invalid', 'true');
        error.textContent = tt('sale.badPoints', $('label[for=points]').textContent, typedPoints);
        $('#points').focus(); return;
      }
      if (usePoints) tenders.push({ type: 'LOYALTY_POINTS', points: usePoints });
      if (m === 'STORE_CREDIT') tenders.push({ type: 'STORE_CREDIT', code: $('#credit-code').value.trim() });
      if (m === 'CARD') tenders.push({ type: 'CARD', card: { pan: $('#pan').value.replace(/\s+/g, ''), expiry: $('#expiry').value.trim() } });
      if (m === 'GIFT_CARD') {
        const number = $('#gift-tender').value.replace(/\s+/g, '');
        if (!/^[0-9]{8,32}$/.test(number)) {
          $('#gift-tender').setAttribute('aria-invalid', 'true');
          error.textContent = tt('sale.giftCardBadNumber', $('label[for=gift-tender]').textContent);
          $('#gift-tender').focus(); return;
        }
        const typed = $('#gift-tender-amount').value.trim();
        const asked = typed ? P.amount(typed) : null;
        if (typed && !asked) {
          $('#gift-tender-amount').setAttribute('aria-invalid', 'true');
          error.textContent = tt('sale.badAmount', $('label[for=gift-tender-amount]').textContent, typed);
          $('#gift-tender-amount').focus(); return;
        }
        tenders.push(asked ? { type: 'GIFT_CARD', giftCard: number, amount: asked } : { type: 'GIFT_CARD', giftCard: number });
      }
      const pointsPayAll = usePoints && !$('#cash').value.trim() && rest(usePoints) === null;
      if ((m === 'CASH' && !pointsPayAll) || ((m === 'STORE_CREDIT' || m === 'GIFT_CARD') && $('#cash').value.trim())) {
        const typed = $('#cash').value.trim();
        const cash = typed ? P.amount(typed) : usePoints ? rest(usePoints) : quote && quote.cashTotal;
        if (!cash) { $('#cash').setAttribute('aria-invalid', 'true'); error.textContent = tt('sale.badAmount', $('label[for=cash]').textContent, typed); $('#cash').focus(); return; }
        tenders.push({ type: 'CASH', amount: cash });
      }
      const check = ageCheck(error);
      if (check === false) return;
      saleKey = saleKey || P.key();
      busy = true; $('#pay').disabled = true;
      const r = await api('POST', '/api/v1/sales', extras({ drawerId: drawer.value, lines: basket, tenders: tenders,
        approval: discountApproval.value(), ageCheck: check || undefined }), { key: saleKey });
      busy = false; $('#pay').disabled = false;
      if (!r.ok) {
        if (r.status !== 0) saleKey = null;
        if (discountApproval.ask(r.problem)) { error.textContent = ''; return; }
        if (ageRefused(r.problem, error)) return;
        P.showProblem($('#pay-form'), error, r.problem);
        return;
      }
      completed(r.data);
    }

    /** What is left in cash after the points pay their part (rounded up as the cash total is). */
    function rest(n) {
      if (!quote || !card || !card.balance) return quote && quote.cashTotal;
      const perPoint = P.minor(card.value) / card.balance;
      let left = P.minor(quote.total) - Math.floor(n * perPoint + 1e-9);
      if (left <= 0) return null;
      if (quote.cashTotal !== quote.total) left = Math.ceil(left / 5) * 5;
      return P.fromMinor(left);
    }

    /** The sale is paid: the result replaces the payment form; the next payment gets a new key. */
    function completed(sale) {
      done = sale;
      localStorage.setItem(LAST, sale.receiptNumber);
      keep();
      $('#reprint-pdf').hidden = true; status.textContent = '';
      saleKey = null;
      clearScanErrors(); matchList.close();
      $('#receipt-number').textContent = sale.receiptNumber;
      $('#change').textContent = money(sale.change);
      $('#paid').textContent = sale.tenders.map(x => t('tender.' + x.type) + ' ' + money(x.tendered || x.amount)
        + (x.maskedPan ? ' (' + x.maskedPan + ')' : '')
        + (x.balanceAfter ? ' ' + tt('sale.giftCardLeft', x.maskedPan, money(x.balanceAfter)) : '')).join(', ')
        + sale.lines.filter(l => l.giftCard && l.giftCard.balance).map(l => '; '
          + tt('sale.giftCardLeft', l.giftCard.number, money(l.giftCard.balance))).join('');
      $('#done-status').textContent = '';
      $('#earned-line').hidden = !sale.loyaltyCard && !card;
      $('#points-earned').textContent = points(sale.pointsEarned || 0);
      const pdf = $('#pdf');
      pdf.href = '#';
      api('GET', '/api/v1/sales/' + encodeURIComponent(sale.receiptNumber) + '/receipt?format=pdf', undefined, { blob: true })
        .then(r => { if (r.ok) pdf.href = URL.createObjectURL(r.blob); });
      $('#pay-form').reset(); showMethod();
      P.clearErrors($('#pay-form'), $('#pay-error'));
      $('#pay-form').hidden = true;
      trainingEmail(sale.status === 'TRAINING');
      $('#done').hidden = false;
      customerPaid(sale);
      window.scrollTo(0, 0);
      scan.focus();
    }

    function newSale() {
      basket.length = 0; quote = null; done = null; saleKey = null; changedSku = null; saleDiscount = null;
      closeAdjust(); discountApproval.reset(); showAgeCheck(null); exemption = null; closeExempt();
      coupons.length = 0; setCard(null); $('#card').value = '';
      P.clearErrors($('#card-form'), $('#card-error')); P.clearErrors($('#coupon-form'), $('#coupon-error'));
      P.clearErrors($('#pay-form'), $('#pay-error'));
      clearScanErrors();
      $('#done').hidden = true;
      resetInvoice();
      $('#pay-form').hidden = false;
      $('#email').value = '';
      render();
      window.scrollTo(0, 0);
      scan.focus();
    }
    $('#new-sale').addEventListener('click', newSale);

    // ---- the A4 invoice of the paid sale for a business customer (issued once, then a copy) ----
    const invoiceForm = $('#invoice-form');
    $('#invoice-open').addEventListener('click', () => {
      invoiceForm.hidden = !invoiceForm.hidden;
      $('#invoice-open').setAttribute('aria-expanded', String(!invoiceForm.hidden));
      if (!invoiceForm.hidden) $('#invoice-company').focus();
    });
    invoiceForm.addEventListener('submit', async e => {
      e.preventDefault();
      P.clearErrors(invoiceForm, $('#invoice-error'));
      const company = $('#invoice-company').value.trim();
      const body = { companyName: company, vatId: $('#invoice-vat').value.trim(),
        address: $('#invoice-address').value.trim() || null };
      const r = await api('POST', '/api/v1/sales/' + encodeURIComponent(done.receiptNumber) + '/invoice', body, { blob: true });
      if (!r.ok) { P.showProblem(invoiceForm, $('#invoice-error'), r.problem); return; }
      const a = $('#invoice-pdf');
      a.href = URL.createObjectURL(r.blob);
      a.download = 'invoice-' + done.receiptNumber + '.pdf';
      a.hidden = false;
      $('#done-status').textContent = tt('sale.invoiceIssued', company);
      a.focus();
    });
    function resetInvoice() {
      invoiceForm.reset(); invoiceForm.hidden = true; $('#invoice-pdf').hidden = true;
      $('#invoice-open').setAttribute('aria-expanded', 'false');
      P.clearErrors(invoiceForm, $('#invoice-error'));
    }

    $('#print').addEventListener('click', async () => {
      const r = await api('POST', '/api/v1/sales/' + encodeURIComponent(done.receiptNumber) + '/print', {});
      $('#done-status').textContent = r.ok ? t('sale.printed') : r.problem.detail;
    });
    // a training receipt (ADR 0005) is never e-mailed: it would reach a real customer's mailbox
    function trainingEmail(training) {
      $('#email-form').querySelectorAll('input, button').forEach(c => { c.disabled = training; });
      $('#email-training').hidden = !training;
    }
    $('#email-form').addEventListener('submit', async e => {
      e.preventDefault();
      const r = await api('POST', '/api/v1/sales/' + encodeURIComponent(done.receiptNumber) + '/email',
        { to: $('#email').value.trim() });
      if (r.ok) { P.clearErrors($('#email-form'), $('#done-status')); $('#done-status').textContent = t('sale.emailed'); }
      else P.showProblem($('#email-form'), $('#done-status'), r.problem);
    });

    // ---- the last receipt again (F9, as a COPY) and a no-sale drawer open, from the till ----
    const LAST = 'pos-last-receipt';
    const status = $('#tools-status');
    function say(text, ok) { status.textContent = text; status.className = ok ? 'info' : 'field-error'; }
    async function reprint() {
      const n = localStorage.getItem(LAST);
      if (!n) { say(tt('sale.noLastReceipt'), false); return; }
      const r = await api('POST', '/api/v1/sales/' + encodeURIComponent(n) + '/print', { copy: true });
      if (r.ok) { say(tt('sale.reprinted', n), true); return; }
      say(r.problem.detail, false);
      const pdf = await api('GET', '/api/v1/sales/' + encodeURIComponent(n) + '/receipt?format=pdf&copy=true', undefined, { blob: true });
      if (pdf.ok) { const a = $('#reprint-pdf'); a.href = URL.createObjectURL(pdf.blob); a.hidden = false; }
    }
    $('#reprint').addEventListener('click', () => { reprint().then(() => scan.focus()); });
    document.addEventListener('keydown', e => { if (e.key === 'F9') { e.preventDefault(); reprint(); } });
    const noSale = $('#no-sale-form');
    $('#no-sale').addEventListener('click', () => { noSale.hidden = false; $('#no-sale-reason').focus(); });
    function closeNoSale() { noSale.hidden = true; $('#no-sale-reason').value = ''; P.clearErrors(noSale, null); scan.focus(); }
    $('#no-sale-cancel').addEventListener('click', closeNoSale);
    noSale.addEventListener('keydown', e => { if (e.key === 'Escape') closeNoSale(); });
    noSale.addEventListener('submit', async e => {
      e.preventDefault();
      const r = await api('POST', '/api/v1/drawers/' + encodeURIComponent(drawer.value) + '/no-sale',
        { reason: $('#no-sale-reason').value.trim() }, { key: P.key() });
      if (!r.ok) { say(r.problem.detail, false); return; }
      // a training no-sale (ADR 0005) is a training document: it says so, with its TRN- number
      say(r.data.training ? tt('sale.noSaleTraining', drawer.value, r.data.movementNumber) : tt('sale.noSaleDone', drawer.value), true);
      closeNoSale();
    });

    // ---- a gift card sold or reloaded: a line of its own ({giftCard:{number, amount, kind}}), priced by the quote ----
    const giftForm = $('#gift-form');
    function closeGift() {
      giftForm.hidden = true; $('#gift-number').value = ''; $('#gift-amount').value = '';
      P.clearErrors(giftForm, $('#gift-error')); scan.focus();
    }
    $('#gift-open').addEventListener('click', () => {
      if (done) return;
      giftForm.hidden = false; $('#gift-number').focus();
    });
    $('#gift-cancel').addEventListener('click', closeGift);
    giftForm.addEventListener('keydown', e => { if (e.key === 'Escape') closeGift(); });
    giftForm.addEventListener('submit', async e => {
      e.preventDefault();
      const error = $('#gift-error');
      P.clearErrors(giftForm, error);
      const number = $('#gift-number').value.replace(/\s+/g, '');
      if (!/^[0-9]{8,32}$/.test(number)) {
        $('#gift-number').setAttribute('aria-invalid', 'true');
        error.textContent = tt('sale.giftCardBadNumber', $('label[for=gift-number]').textContent);
        $('#gift-number').focus(); return;
      }
      const typed = $('#gift-amount').value.trim();
      const amount = P.amount(typed);
      if (!amount) {
        $('#gift-amount').setAttribute('aria-invalid', 'true');
        error.textContent = tt('sale.giftCardBadAmount', $('label[for=gift-amount]').textContent, typed);
        $('#gift-amount').focus(); return;
      }
      const line = { giftCard: { number: number, amount: amount, kind: $('#gift-kind').value } };
      basket.push(line);
      const failed = await requote();
      if (failed) {
        basket.splice(basket.indexOf(line), 1);
        await requote();
        P.showProblem(giftForm, error, failed.problem);
        return;
      }
      closeGift();
    });

    // ---- price override and manual discounts: a line's button (or F7 for the line last scanned),
    // or the sale's button, opens one small form; Enter applies, Esc cancels ----
    /** A manual discount as the page shows it: "was 49.00" for an override, "−10 % (Damaged)" otherwise. */
    function note(d) {
      const reason = $('#adjust-reason option[value="' + d.reason + '"]');
      const why = reason ? reason.textContent : d.reason;
      if (d.kind === 'OVERRIDE') return tt('sale.wasPrice', money(d.wasPrice)) + ' (' + why + ')';
      return '−' + (d.percent ? d.percent + ' %' : money(d.amount)) + ' (' + why + ')';
    }
    const adjust = $('#adjust-form'), kind = $('#adjust-kind'), value = $('#adjust-value'), reasonOf = $('#adjust-reason');
    function openAdjust(i) {
      if (done) return;
      adjusting = i;
      const l = i >= 0 ? basket[i] : null;
      if (i >= 0 && (!l || l.giftCard)) return;
      const current = l ? (l.priceOverride ? { price: l.priceOverride.price, reason: l.priceOverride.reason } : l.discount) : saleDiscount;
      $('option[value="price"]', kind).hidden = i < 0;
      kind.value = current && current.price ? 'price' : current && current.amount ? 'amount' : 'percent';
      value.value = current ? (current.price || current.amount || current.percent) : '';
      if (current) reasonOf.value = current.reason;
      const line = quote && l ? quote.lines[i] : null;
      $('#adjust-what').textContent = i < 0 ? tt('sale.adjustSale') : tt('sale.adjustWhat', i + 1, line ? line.name : l.sku);
      $('#adjust-remove').hidden = !current;
      P.clearErrors(adjust, $('#adjust-error'));
      adjust.hidden = false;
      value.focus(); value.select();
    }
    function closeAdjust() { adjust.hidden = true; adjusting = null; }
    function setAdjustment(i, change) {
      if (i < 0) { saleDiscount = change && !change.price ? change : null; return; }
      const l = basket[i];
      if (!l) return;
      delete l.priceOverride; delete l.discount;
      if (change && change.price) l.priceOverride = change;
      else if (change) l.discount = change;
    }
    adjust.addEventListener('submit', async e => {
      e.preventDefault();
      const i = adjusting;
      if (i === null) return;
      const typed = value.value.trim().replace(',', '.');
      const k = kind.value;
      const ok = k === 'percent' ? /^\d{1,3}(\.\d{1,2})?$/.test(typed) && +typed > 0 && +typed <= 100 : P.amount(typed);
      if (!ok) {
        value.setAttribute('aria-invalid', 'true');
        $('#adjust-error').textContent = tt('sale.badAdjust', $('label[for=adjust-value]').textContent, value.value);
        value.focus(); return;
      }
      const before = i < 0 ? saleDiscount : { priceOverride: basket[i].priceOverride, discount: basket[i].discount };
      const change = { reason: reasonOf.value };
      change[k] = k === 'percent' ? typed : P.amount(typed);
      setAdjustment(i, change);
      await idle();
      const failed = await requote();
      if (failed) {
        if (i < 0) saleDiscount = before; else { basket[i].priceOverride = before.priceOverride; basket[i].discount = before.discount; }
        P.showProblem(adjust, $('#adjust-error'), failed.problem);
        await requote();
        return;
      }
      closeAdjust();
      scan.focus();
    });
    $('#adjust-remove').addEventListener('click', async () => {
      const i = adjusting;
      setAdjustment(i, null);
      closeAdjust();
      await requote();
      scan.focus();
    });
    $('#adjust-cancel').addEventListener('click', () => { closeAdjust(); scan.focus(); });
    adjust.addEventListener('keydown', e => { if (e.key === 'Escape') { e.preventDefault(); closeAdjust(); scan.focus(); } });
    $('#sale-discount').addEventListener('click', () => { if (basket.length) openAdjust(-1); });
    document.addEventListener('keydown', e => {
      if (e.key !== 'F7' || !basket.length) return;
      e.preventDefault();
      const row = document.activeElement && document.activeElement.closest ? document.activeElement.closest('#lines tr') : null;
      const rows = $$('#lines tr');
      let i = row ? rows.indexOf(row) : basket.findIndex(l => l.sku === changedSku);
      if (i < 0) i = basket.length - 1;
      openAdjust(i);
    });

    // ---- age-restricted goods: the quote names the minimum age; before paying the clerk enters the
    // customer's date of birth from the ID, or confirms that the ID was checked and the customer looks
    // over it. Nothing of it is kept in the browser beyond this sale. ----
    const ageBox = $('#age-check'), dob = $('#age-dob'), idChecked = $('#age-id-checked');
    function showAgeCheck(minimumAge) {
      if (minimumAge === ageRequired) return;
      ageRequired = minimumAge;
      ageBox.hidden = !minimumAge;
      dob.value = ''; idChecked.checked = false;
      P.clearErrors(ageBox, null);
      if (minimumAge) {
        $('#age-why').textContent = tt('sale.ageWhy', minimumAge);
        $('#age-looks').textContent = tt('sale.ageLooksOver', minimumAge);
        reveal($('.pay-fields'), ageBox);
      }
    }
    /** The sale's ageCheck: undefined when none is needed, false (and the reason shown) when the clerk has not checked yet. */
    function ageCheck(error) {
      if (!ageRequired) return undefined;
      if (idChecked.checked) return { idChecked: true, looksOver: ageRequired };
      const typed = dob.value.trim();
      if (!typed) { error.textContent = tt('sale.ageNeeded', ageRequired); dob.setAttribute('aria-invalid', 'true'); dob.focus(); return false; }
      const iso = P.isoDate(typed);
      if (!iso) {
        error.textContent = tt('sale.badDate', $('label[for=age-dob]').textContent, typed);
        dob.setAttribute('aria-invalid', 'true'); dob.focus(); return false;
      }
      return { dateOfBirth: iso };
    }
    /** The API refused the sale for the age: the check shows again (a quote may not have asked for it). */
    function ageRefused(problem, error) {
      const r = P.rule(problem);
      if (r !== 'under-age' && r !== 'age-check-required') return false;
      if (problem.minimumAge && problem.minimumAge !== ageRequired) showAgeCheck(problem.minimumAge);
      idChecked.checked = false;
      P.showProblem($('#pay-form'), error, problem);
      dob.setAttribute('aria-invalid', 'true');
      dob.focus(); dob.select();
      return true;
    }

    // ---- tax-exempt sale: the sale's button or F8 opens the form (reason, the customer's document or VAT id);
    // the quote then shows the sale without tax and the manager's fields in place ----
    const exemptForm = $('#exempt-form');
    function openExempt() {
      if (done || !basket.length) return;
      if (exemption) { $('#exempt-reason').value = exemption.reason; $('#exempt-document').value = exemption.document; }
      $('#exempt-remove').hidden = !exemption;
      // one checkbox per line, ticked when exempt now (all of them when the whole sale is, or no exemption yet)
      const list = $('#exempt-line-list');
      list.innerHTML = '';
      basket.forEach((l, i) => {
        const li = document.createElement('li');
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox'; box.className = 'exempt-line'; box.value = String(i + 1);
        box.checked = !exemption || !exemption.lines || exemption.lines.includes(l);
        const name = quote && quote.lines[i] ? quote.lines[i].name : l.sku;
        label.append(box, document.createTextNode((i + 1) + '. ' + name + ' × ' + l.quantity));
        li.appendChild(label); list.appendChild(li);
      });
      P.clearErrors(exemptForm, $('#exempt-error'));
      exemptForm.hidden = false;
      $('#exempt-reason').focus();
    }
    function closeExempt() { exemptForm.hidden = true; }
    exemptForm.addEventListener('submit', async e => {
      e.preventDefault();
      const doc = $('#exempt-document').value.trim();
      if (!doc) {
        $('#exempt-document').setAttribute('aria-invalid', 'true');
        $('#exempt-error').textContent = tt('sale.exemptNeedDocument');
        $('#exempt-document').focus(); return;
      }
      const ticked = $$('#exempt-line-list .exempt-line').filter(b => b.checked).map(b => basket[Number(b.value) - 1]);
      if (!ticked.length) {
        $('#exempt-lines').setAttribute('aria-invalid', 'true');
        $('#exempt-error').textContent = tt('sale.exemptNeedLine');
        const first = $('#exempt-line-list .exempt-line'); if (first) first.focus();
        return;
      }
      const before = exemption;
      exemption = { reason: $('#exempt-reason').value, document: doc,
        lines: ticked.length === basket.length ? null : ticked };
      await idle();
      const failed = await requote();
      if (failed) {
        exemption = before;
        P.showProblem(exemptForm, $('#exempt-error'), failed.problem);
        await requote();
        return;
      }
      closeExempt();
      scan.focus();
    });
    $('#exempt-remove').addEventListener('click', async () => { exemption = null; closeExempt(); await requote(); scan.focus(); });
    $('#exempt-cancel').addEventListener('click', () => { closeExempt(); scan.focus(); });
    exemptForm.addEventListener('keydown', e => { if (e.key === 'Escape') { e.preventDefault(); closeExempt(); scan.focus(); } });
    $('#sale-exempt').addEventListener('click', openExempt);
    document.addEventListener('keydown', e => { if (e.key === 'F8') { e.preventDefault(); openExempt(); } });

    // ---- suspend and resume: the basket parked on the server (F6), listed for the whole store, resumed at any till ----
    let parkKey = null;
    const parkedBox = $('#parked'), parkedList = $('#parked-list');
    async function park() {
      if (done || !basket.length) { say(tt('sale.parkEmpty'), false); scan.focus(); return; }
      parkKey = parkKey || P.key();
      const r = await api('POST', '/api/v1/baskets', extras({ drawerId: drawer.value, lines: basket.map(l => ({ ...l })) }),
        { key: parkKey });
      if (!r.ok) { if (r.status) parkKey = null; say(r.problem.detail, false); scan.focus(); return; }
      parkKey = null;
      newSale();
      say(tt('sale.parked', r.data.basketNumber), true);
    }
    async function showParked() {
      const r = await api('GET', '/api/v1/baskets');
      if (!r.ok) { say(r.problem.detail, false); return; }
      parkedList.innerHTML = '';
      if (!r.data.length) {
        const li = document.createElement('li'); li.textContent = tt('sale.noneParked'); parkedList.appendChild(li);
      }
      r.data.forEach(b => {
        const li = document.createElement('li');
        const btn = document.createElement('button');
        btn.type = 'button'; btn.className = 'secondary'; btn.dataset.basket = b.basketNumber;
        btn.textContent = tt('sale.resume', b.basketNumber);
        btn.addEventListener('click', () => resume(b.basketNumber));
        const what = document.createElement('span');
        what.textContent = ' ' + tt('sale.parkedLine', b.lineCount, money(b.total), b.parkedBy,
          new Date(b.parkedAt).toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' }))
          + (b.note ? ' – ' + b.note : '');
        li.append(btn, what);
        parkedList.appendChild(li);
      });
      parkedBox.hidden = false;
      ($('button', parkedList) || $('#parked-close')).focus();
    }
    async function resume(number) {
      if (!done && (basket.length || coupons.length || card)) { say(tt('sale.parkFirst'), false); return; }
      if (done) newSale();
      const r = await api('POST', '/api/v1/baskets/' + encodeURIComponent(number) + '/resume', { drawerId: drawer.value });
      if (!r.ok) { say(r.problem.detail, false); showParked(); return; }
      parkedBox.hidden = true;
      const priced = await load(r.data.basket);
      say(priced ? tt('sale.resumed', number) : tt('sale.resumedNotPriced', number), priced);
      scan.focus();
    }
    $('#park').addEventListener('click', park);
    $('#parked-open').addEventListener('click', showParked);
    $('#parked-close').addEventListener('click', () => { parkedBox.hidden = true; scan.focus(); });
    parkedBox.addEventListener('keydown', e => { if (e.key === 'Escape') { e.preventDefault(); parkedBox.hidden = true; scan.focus(); } });
    document.addEventListener('keydown', e => { if (e.key === 'F6') { e.preventDefault(); park(); } });

    // ---- "in other stores" (issue 26): a line's button asks head office, through the store's API, for
    // the item's quantity in every other store (nearest first, as of when, negatives as they are);
    // when head office cannot be reached the API's message (in the page's language) is shown ----
    const lineStock = $('#line-stock');
    const lineStockWords = {};
    $$('#line-stock-i18n [data-k]').forEach(e => { lineStockWords[e.dataset.k] = e.textContent; });
    let lineStockSeq = 0;
    /** The small button of a basket line that opens its other stores. */
    function otherStoresButton(l) {
      const b = document.createElement('button');
      b.type = 'button'; b.className = 'secondary other-stores-line'; b.textContent = '\u2302';
      b.title = lineStockWords.title;
      b.setAttribute('aria-label', lineStockWords.of.replace('{0}', l.name));
      b.addEventListener('click', () => showOtherStores(l.sku, l.name));
      return b;
    }
    async function showOtherStores(sku, name) {
      const seq = ++lineStockSeq;
      const body = $('#line-stock-table tbody');
      $('#line-stock-h').textContent = lineStockWords.of.replace('{0}', name + ' (' + sku + ')');
      $('#line-stock-error').textContent = '';
      body.textContent = '';
      $('#line-stock-table').hidden = true;
      $('#line-stock-none').hidden = true;
      lineStock.hidden = false;
      const r = await api('GET', '/api/v1/stock/' + encodeURIComponent(sku) + '/other-stores');
      if (seq !== lineStockSeq || lineStock.hidden) return;
      if (!r.ok) { $('#line-stock-error').textContent = r.problem.detail; $('#line-stock-close').focus(); return; }
      const lang = document.documentElement.lang || undefined;
      const zone = document.querySelector('meta[name="zone"]');
      let when;
      try {
        when = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short', timeZone: zone ? zone.content : undefined });
      } catch (e) {
        when = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' });
      }
      r.data.stores.forEach(st => {
        const tr = document.createElement('tr');
        tr.dataset.store = st.storeId;
        const cells = [st.storeId + (st.nearby ? ' (' + lineStockWords.nearby + ')' : ''),
          new Intl.NumberFormat(lang).format(st.onHand), when.format(new Date(st.asOf))];
        cells.forEach((text, i) => {
          const td = document.createElement(i === 0 ? 'th' : 'td');
          if (i === 0) td.scope = 'row';
          td.textContent = text;
          if (i === 1) td.className = 'num' + (st.onHand < 0 ? ' negative' : '');
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      $('#line-stock-table').hidden = r.data.stores.length === 0;
      $('#line-stock-none').hidden = r.data.stores.length !== 0;
      $('#line-stock-close').focus();
    }
    function closeOtherStores() { lineStock.hidden = true; lineStockSeq++; scan.focus(); }
    $('#line-stock-close').addEventListener('click', closeOtherStores);
    lineStock.addEventListener('keydown', e => { if (e.key === 'Escape') { e.preventDefault(); closeOtherStores(); } });

    restoreKept();             // reads the kept basket before the first render would forget it
    render();
  };
})();
