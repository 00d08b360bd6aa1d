/**
 * Source of the stand-in pay.js served at `/payjs/v2/pay.js`: a plain ES5 script (no modules, no
 * build step) that defines only `window.Payjp`. It finds the sandbox from its own `src`, so it
 * works on whichever origin serves it. Kept as a string so the sandbox ships it without assets.
 *
 * Surface (payjs v2): `Payjp(publicKey, { threeDSecureWorkflow?, locale? })` returning
 * `{ getPublicKey, openThreeDSecureIframe, openThreeDSecureDialog, elements, createToken }`.
 * Elements are plain labelled inputs in the page, not PAY.JP's cross-origin iframes.
 * `createToken` resolves `{ error }` instead of rejecting; with `three_d_secure: true` it runs the
 * iframe or sub-window challenge and finishes the token (`redirect`: returns it unfinished).
 */
export const PAYJS_SOURCE = String.raw`/* react-3ds-kit sandbox: stand-in for https://js.pay.jp/v2/pay.js. Not PAY.JP's code. */
(function () {
  'use strict';
  var script = document.currentScript;
  var sandboxOrigin = script && script.src ? new URL(script.src, window.location.href).origin : window.location.origin;
  var MESSAGE_SOURCE = 'payjp-sandbox';
  var COMPLETE = 'three-d-secure-complete';
  var CANCELED = 'three-d-secure-canceled';
  var POLL_MS = 250;
  var WORKFLOWS = ['iframe', 'subwindow', 'redirect'];

  var TEXT = {
    ja: {
      title: '3Dセキュア認証',
      close: '閉じる',
      canceled: '3Dセキュア認証がキャンセルされました。',
      popupBlocked: 'ポップアップがブロックされたため、3Dセキュア認証の画面を開けませんでした。',
      timeout: '3Dセキュア認証が時間内に完了しませんでした。',
      inProgress: '3Dセキュア認証の画面は既に開いています。',
      invalidId: '3Dセキュアの対象 ID が指定されていません。'
    },
    en: {
      title: '3-D Secure authentication',
      close: 'Close',
      canceled: '3-D Secure authentication was canceled.',
      popupBlocked: 'The 3-D Secure window could not be opened because the popup was blocked.',
      timeout: '3-D Secure authentication did not finish in time.',
      inProgress: 'The 3-D Secure screen is already open.',
      invalidId: 'No 3-D Secure object id was given.'
    }
  };

  function payjsError(code, message) {
    var error = new Error(message);
    error.code = code;
    return error;
  }

  function startUrl(publicKey, id, workflow) {
    return sandboxOrigin + '/v1/tds/' + encodeURIComponent(id) + '/start?publickey=' + encodeURIComponent(publicKey) +
      '&workflow=' + workflow + '&origin=' + encodeURIComponent(window.location.origin);
  }

  function fromChallenge(event, id, source) {
    var data = event.data;
    return event.origin === sandboxOrigin && source !== null && event.source === source &&
      data !== null && typeof data === 'object' && data.source === MESSAGE_SOURCE && data.id === id;
  }

  var openOverlay = null;

  function openIframe(publicKey, id, text) {
    return new Promise(function (resolve, reject) {
      if (typeof id !== 'string' || id === '') { reject(payjsError('invalid_id', text.invalidId)); return; }
      if (openOverlay) { reject(payjsError('in_progress', text.inProgress)); return; }
      var previousFocus = document.activeElement;
      var overlay = document.createElement('div');
      overlay.setAttribute('data-payjp-three-d-secure', 'iframe');
      overlay.setAttribute('role', 'dialog');
      overlay.setAttribute('aria-modal', 'true');
      overlay.setAttribute('aria-label', text.title);
      overlay.style.cssText = 'position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647;display:flex;' +
        'align-items:center;justify-content:center;background:rgba(0,0,0,.5)';
      var panel = document.createElement('div');
      panel.style.cssText = 'position:relative;width:480px;max-width:100%;height:640px;max-height:100%;background:#fff;' +
        'border-radius:8px;overflow:hidden;box-shadow:0 4px 24px rgba(0,0,0,.3)';
      var close = document.createElement('button');
      close.type = 'button';
      close.setAttribute('aria-label', text.close);
      close.textContent = '\u00d7';
      close.style.cssText = 'position:absolute;top:4px;right:4px;width:32px;height:32px;font-size:20px;line-height:1;' +
        'border:0;border-radius:16px;background:#fff;color:#333;cursor:pointer';
      var frame = document.createElement('iframe');
      frame.title = text.title;
      frame.src = startUrl(publicKey, id, 'iframe');
      frame.style.cssText = 'display:block;width:100%;height:100%;border:0';
      panel.appendChild(frame);
      panel.appendChild(close);
      overlay.appendChild(panel);

      var settled = false;
      // A page (or a kit) may take the overlay away: that is a close, and nothing may stay behind.
      var removal = typeof MutationObserver === 'function' ? new MutationObserver(function () {
        if (!overlay.isConnected) settle(payjsError('canceled', text.canceled));
      }) : null;
      function settle(error) {
        if (settled) return;
        settled = true;
        if (removal) removal.disconnect();
        window.removeEventListener('message', onMessage);
        overlay.removeEventListener('keydown', onKeydown);
        close.removeEventListener('click', onClose);
        if (overlay.parentNode) overlay.parentNode.removeChild(overlay);
        openOverlay = null;
        if (previousFocus && typeof previousFocus.focus === 'function') previousFocus.focus();
        if (error) reject(error); else resolve();
      }
      function onMessage(event) {
        if (!fromChallenge(event, id, frame.contentWindow)) return;
        if (event.data.type === COMPLETE) settle(null);
        else if (event.data.type === CANCELED) settle(payjsError('canceled', text.canceled));
      }
      function onClose() { settle(payjsError('canceled', text.canceled)); }
      function onKeydown(event) {
        if (event.key === 'Escape') { event.preventDefault(); onClose(); }
      }
      window.addEventListener('message', onMessage);
      overlay.addEventListener('keydown', onKeydown);
      close.addEventListener('click', onClose);
      openOverlay = overlay;
      document.body.appendChild(overlay);
      if (removal) removal.observe(document.body, { childList: true });
      frame.focus();
    });
  }

  function featureString(features) {
    var width = typeof features.width === 'number' ? features.width : 480;
    var height = typeof features.height === 'number' ? features.height : 640;
    var left = typeof features.left === 'number' ? features.left : Math.max(0, Math.round((window.screenX || 0) + ((window.outerWidth || width) - width) / 2));
    var top = typeof features.top === 'number' ? features.top : Math.max(0, Math.round((window.screenY || 0) + ((window.outerHeight || height) - height) / 2));
    var parts = ['width=' + width, 'height=' + height, 'left=' + left, 'top=' + top];
    if (features.popup !== false) parts.unshift('popup=yes');
    return parts.join(',');
  }

  function openDialog(publicKey, id, options, text) {
    var timeout = typeof options === 'number' ? options : options && typeof options.timeout === 'number' ? options.timeout : 0;
    var features = options && typeof options === 'object' && options.windowFeatures ? options.windowFeatures : {};
    return new Promise(function (resolve, reject) {
      if (typeof id !== 'string' || id === '') { reject(payjsError('invalid_id', text.invalidId)); return; }
      var popup = window.open(startUrl(publicKey, id, 'subwindow'), 'payjp-3ds', featureString(features));
      // Sandbox choice (PAY.JP does not document this): a blocked popup rejects at once.
      if (!popup) { reject(payjsError('popup_blocked', text.popupBlocked)); return; }
      var settled = false;
      var poll = null;
      var timer = null;
      function settle(error) {
        if (settled) return;
        settled = true;
        window.removeEventListener('message', onMessage);
        if (poll !== null) clearInterval(poll);
        if (timer !== null) clearTimeout(timer);
        if (error) reject(error); else resolve();
      }
      function onMessage(event) {
        if (!fromChallenge(event, id, popup)) return;
        if (event.data.type === COMPLETE) settle(null);
        else if (event.data.type === CANCELED) settle(payjsError('canceled', text.canceled));
      }
      window.addEventListener('message', onMessage);
      poll = setInterval(function () {
        if (popup.closed) settle(payjsError('canceled', text.canceled));
      }, POLL_MS);
      if (timeout > 0) {
        timer = setTimeout(function () {
          settle(payjsError('timeout', text.timeout));
          if (!popup.closed) popup.close();
        }, timeout);
      }
    });
  }

  // ---- Elements: plain, labelled inputs in the page (real pay.js renders cross-origin iframes). ----

  var FIELDS_OF = { card: ['number', 'expiry', 'cvc'], cardNumber: ['number'], cardExpiry: ['expiry'], cardCvc: ['cvc'] };
  var ELEMENT_EVENTS = ['change', 'ready', 'focus', 'blur'];
  var AUTOCOMPLETE = { number: 'cc-number', expiry: 'cc-exp', cvc: 'cc-csc' };
  var PLACEHOLDER = { number: '1234 5678 9012 3456', expiry: 'MM / YY', cvc: 'CVC' };
  var MAX_LENGTH = { number: 23, expiry: 9, cvc: 4 };
  var CARDHOLDER_KEYS = ['name', 'email', 'phone', 'address_state', 'address_city', 'address_line1', 'address_line2', 'address_zip', 'country'];
  var FIELD_TEXT = {
    ja: {
      number: 'カード番号',
      expiry: '有効期限 (MM/YY)',
      cvc: 'セキュリティコード',
      invalid_number: 'カード番号が正しくありません。',
      incomplete_number: 'カード番号が入力途中です。',
      invalid_expiry: '有効期限が正しくありません。',
      incomplete_expiry: '有効期限が入力途中です。',
      invalid_cvc: 'セキュリティコードが正しくありません。',
      incomplete_cvc: 'セキュリティコードが入力途中です。',
      invalid_element: 'マウントされた payjs のカード入力欄を渡してください。',
      network_error: 'PAY.JP に接続できませんでした。'
    },
    en: {
      number: 'Card number',
      expiry: 'Expiry date (MM/YY)',
      cvc: 'Security code',
      invalid_number: 'Your card number is invalid.',
      incomplete_number: 'Your card number is incomplete.',
      invalid_expiry: 'Your card expiry date is invalid.',
      incomplete_expiry: 'Your card expiry date is incomplete.',
      invalid_cvc: 'Your security code is invalid.',
      incomplete_cvc: 'Your security code is incomplete.',
      invalid_element: 'Pass a mounted payjs card element.',
      network_error: 'Could not reach PAY.JP.'
    }
  };
  var elementSeq = 0;
  var registry = [];

  function digitsOf(value) { return String(value).replace(/\D/g, ''); }

  function brandOf(digits) {
    var two = Number(digits.slice(0, 2));
    var four = digits.length >= 4 ? Number(digits.slice(0, 4)) : -1;
    if (digits.charAt(0) === '4') return 'Visa';
    if ((digits.length >= 2 && two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'MasterCard';
    if (four >= 3528 && four <= 3589) return 'JCB';
    if (two === 34 || two === 37) return 'American Express';
    if (two === 36 || two === 38 || (four >= 3000 && four <= 3059)) return 'Diners Club';
    if (digits.indexOf('6011') === 0 || two === 65) return 'Discover';
    return 'unknown';
  }

  function numberLength(brand) { return brand === 'American Express' ? 15 : brand === 'Diners Club' ? 14 : 16; }

  function luhn(digits) {
    var sum = 0;
    for (var i = 0; i < digits.length; i += 1) {
      var digit = Number(digits.charAt(digits.length - 1 - i));
      if (i % 2 === 1) { digit *= 2; if (digit > 9) digit -= 9; }
      sum += digit;
    }
    return sum % 10 === 0;
  }

  function formatNumber(digits, brand) {
    var groups = brand === 'American Express' || brand === 'Diners Club' ? [4, 6, 5] : [4, 4, 4, 4];
    var parts = [];
    var at = 0;
    for (var i = 0; i < groups.length && at < digits.length; i += 1) { parts.push(digits.slice(at, at + groups[i])); at += groups[i]; }
    return parts.join(' ');
  }

  /** Digits MMYY from what was typed or filled: '1235', '12 / 35', '12/2035', '4' (→ '04'). */
  function expiryDigits(raw) {
    var text = String(raw);
    var slash = text.indexOf('/');
    var digits;
    if (slash >= 0) {
      var month = digitsOf(text.slice(0, slash));
      var year = digitsOf(text.slice(slash + 1));
      if (month.length === 1) month = '0' + month;
      if (year.length === 4) year = year.slice(2);
      digits = month + year;
    } else {
      digits = digitsOf(text);
    }
    if (digits.length === 1 && digits > '1') digits = '0' + digits;
    return digits.slice(0, 4);
  }

  function formatExpiry(digits) { return digits.length > 2 ? digits.slice(0, 2) + ' / ' + digits.slice(2) : digits; }

  /** { empty, complete, error (code or null) } of one field. 'mode': 'typing' | 'blur' | 'submit'. */
  function checkField(field, values, mode) {
    var digits = values[field];
    var empty = digits === '';
    var incomplete = mode === 'submit' || (mode === 'blur' && !empty) ? 'incomplete_' + field : null;
    var brand = brandOf(values.number);
    if (field === 'number') {
      if (digits.length < numberLength(brand)) return { empty: empty, complete: false, error: incomplete };
      return luhn(digits) ? { empty: false, complete: true, error: null } : { empty: false, complete: false, error: 'invalid_number' };
    }
    if (field === 'expiry') {
      var month = Number(digits.slice(0, 2));
      if (digits.length >= 2 && (month < 1 || month > 12)) return { empty: false, complete: false, error: 'invalid_expiry' };
      if (digits.length < 4) return { empty: empty, complete: false, error: incomplete === null ? null : 'incomplete_expiry' };
      var year = 2000 + Number(digits.slice(2));
      var now = new Date();
      var nowMonths = now.getFullYear() * 12 + now.getMonth() + 1;
      if (year * 12 + month < nowMonths || year > now.getFullYear() + 20) return { empty: false, complete: false, error: 'invalid_expiry' };
      return { empty: false, complete: true, error: null };
    }
    var min = brand === 'American Express' ? 4 : 3;
    var max = brand === 'unknown' || brand === 'American Express' ? 4 : 3;
    if (digits.length > max) return { empty: false, complete: false, error: 'invalid_cvc' };
    if (digits.length < min) return { empty: empty, complete: false, error: incomplete === null ? null : 'incomplete_cvc' };
    return { empty: false, complete: true, error: null };
  }

  function fieldError(code, text) { return { code: code, message: text[code] || code, type: 'validation_error' }; }

  function clientError(code, message, status) {
    var error = { code: code, message: message, type: 'client_error' };
    if (status !== undefined) error.status = status;
    return { error: error };
  }

  /** Rethrows a handler's exception without breaking the caller (like an event listener's). */
  function callSafely(fn, arg) {
    try { fn(arg); } catch (error) { setTimeout(function () { throw error; }, 0); }
  }

  function applyStyle(input, style, invalid) {
    var base = style && typeof style.base === 'object' ? style.base : {};
    var bad = style && typeof style.invalid === 'object' ? style.invalid : {};
    function set(key, value) {
      if (key.charAt(0) === ':' || (typeof value !== 'string' && typeof value !== 'number')) return;
      if (key.indexOf('-') >= 0) input.style.setProperty(key, String(value)); else input.style[key] = String(value);
    }
    var key;
    for (key in bad) if (Object.prototype.hasOwnProperty.call(bad, key) && !Object.prototype.hasOwnProperty.call(base, key)) set(key, '');
    for (key in base) if (Object.prototype.hasOwnProperty.call(base, key)) set(key, base[key]);
    if (invalid) for (key in bad) if (Object.prototype.hasOwnProperty.call(bad, key)) set(key, bad[key]);
  }

  /** Sets a formatted value, keeping the caret after the same number of digits. */
  function setFormatted(input, formatted) {
    if (input.value === formatted) return;
    var caret = input.selectionStart;
    var atEnd = caret === null || caret >= input.value.length;
    var digitsBefore = caret === null ? 0 : digitsOf(input.value.slice(0, caret)).length;
    input.value = formatted;
    if (atEnd || document.activeElement !== input) return;
    var position = 0;
    var seen = 0;
    while (position < formatted.length && seen < digitsBefore) {
      if (/\d/.test(formatted.charAt(position))) seen += 1;
      position += 1;
    }
    try { input.setSelectionRange(position, position); } catch (ignore) { /* not a text input */ }
  }

  function createElement(group, type, options) {
    if (!Object.prototype.hasOwnProperty.call(FIELDS_OF, type)) {
      throw new TypeError('payjs: elements.create() takes card, cardNumber, cardExpiry or cardCvc.');
    }
    var settings = options || {};
    var text = group.text;
    var fields = FIELDS_OF[type];
    var handlers = { change: [], ready: [], focus: [], blur: [] };
    var blurred = { number: false, expiry: false, cvc: false };
    var state = { mounted: false, wrapper: null, inputs: {}, dom: [], readyTimer: null, lastError: null };

    function emit(event, arg) {
      var list = handlers[event] ? handlers[event].slice() : [];
      for (var i = 0; i < list.length; i += 1) callSafely(list[i], arg);
    }

    function listen(target, name, fn) {
      target.addEventListener(name, fn);
      state.dom.push([target, name, fn]);
    }

    function changeEvent() {
      var event = { elementType: type, empty: true, complete: true };
      var error = null;
      for (var i = 0; i < fields.length; i += 1) {
        var field = fields[i];
        var check = checkField(field, group.values, blurred[field] ? 'blur' : 'typing');
        if (!check.empty) event.empty = false;
        if (!check.complete) event.complete = false;
        if (error === null && check.error !== null) error = check.error;
        var input = state.inputs[field];
        if (input) {
          input.setAttribute('aria-invalid', check.error === null ? 'false' : 'true');
          applyStyle(input, settings.style, check.error !== null);
        }
      }
      if (fields.indexOf('number') >= 0) event.brand = brandOf(group.values.number);
      if (error !== null) event.error = fieldError(error, text);
      state.lastError = error;
      return event;
    }

    function onInput(field, input) {
      var digits;
      if (field === 'number') {
        digits = digitsOf(input.value);
        var brand = brandOf(digits);
        digits = digits.slice(0, brand === 'unknown' ? 19 : numberLength(brand));
        setFormatted(input, formatNumber(digits, brand));
      } else if (field === 'expiry') {
        digits = expiryDigits(input.value);
        setFormatted(input, formatExpiry(digits));
      } else {
        digits = digitsOf(input.value).slice(0, 4);
        setFormatted(input, digits);
      }
      group.values[field] = digits;
      blurred[field] = false;
      emit('change', changeEvent());
    }

    function onFieldBlur(field) {
      blurred[field] = true;
      var before = state.lastError;
      var event = changeEvent();
      if (state.lastError !== before) emit('change', event);
    }

    function render(target) {
      elementSeq += 1;
      var wrapper = document.createElement('div');
      wrapper.setAttribute('data-payjs-element', type);
      wrapper.style.cssText = fields.length > 1 ? 'display:flex;flex-wrap:wrap;gap:8px' : '';
      for (var i = 0; i < fields.length; i += 1) {
        var field = fields[i];
        var id = 'payjs-sandbox-' + elementSeq + '-' + field;
        var box = document.createElement('div');
        box.style.cssText = 'display:flex;flex-direction:column;gap:2px;' + (field === 'number' ? 'flex:2 1 12em' : 'flex:1 1 6em');
        var label = document.createElement('label');
        label.setAttribute('for', id);
        label.textContent = text[field];
        var input = document.createElement('input');
        input.id = id;
        input.type = 'text';
        input.setAttribute('inputmode', 'numeric');
        input.setAttribute('autocomplete', AUTOCOMPLETE[field]);
        input.setAttribute('data-payjs-field', field);
        input.setAttribute('spellcheck', 'false');
        input.setAttribute('aria-invalid', 'false');
        input.maxLength = MAX_LENGTH[field];
        // No name: the card data must never be posted with the shop's own form.
        input.placeholder = fields.length === 1 && typeof settings.placeholder === 'string' ? settings.placeholder : PLACEHOLDER[field];
        input.style.cssText = 'font:inherit;padding:6px 8px;border:1px solid #888;border-radius:4px;min-width:0';
        applyStyle(input, settings.style, false);
        var values = group.values;
        input.value = field === 'number' ? formatNumber(values.number, brandOf(values.number)) : field === 'expiry' ? formatExpiry(values.expiry) : values.cvc;
        (function (f, el) {
          listen(el, 'input', function () { onInput(f, el); });
          listen(el, 'blur', function () { onFieldBlur(f); });
        })(field, input);
        state.inputs[field] = input;
        box.appendChild(label);
        box.appendChild(input);
        wrapper.appendChild(box);
      }
      // focus / blur of the element as a whole (moving between its own inputs is neither).
      listen(wrapper, 'focusin', function (event) {
        if (!event.relatedTarget || !wrapper.contains(event.relatedTarget)) emit('focus');
      });
      listen(wrapper, 'focusout', function (event) {
        if (!event.relatedTarget || !wrapper.contains(event.relatedTarget)) emit('blur');
      });
      target.appendChild(wrapper);
      state.wrapper = wrapper;
    }

    function detach() {
      if (state.readyTimer !== null) clearTimeout(state.readyTimer);
      state.readyTimer = null;
      for (var i = 0; i < state.dom.length; i += 1) state.dom[i][0].removeEventListener(state.dom[i][1], state.dom[i][2]);
      state.dom = [];
      if (state.wrapper && state.wrapper.parentNode) state.wrapper.parentNode.removeChild(state.wrapper);
      state.wrapper = null;
      state.inputs = {};
      state.mounted = false;
      for (var field in blurred) if (Object.prototype.hasOwnProperty.call(blurred, field)) blurred[field] = false;
    }

    var api = {
      mount: function (target) {
        var node = typeof target === 'string' ? document.querySelector(target) : target;
        if (!node || node.nodeType !== 1) throw new Error('payjs: mount target not found: ' + String(target));
        if (state.mounted) detach();
        render(node);
        state.mounted = true;
        state.readyTimer = setTimeout(function () {
          state.readyTimer = null;
          emit('ready');
        }, 0);
      },
      unmount: function () {
        detach();
        for (var event in handlers) if (Object.prototype.hasOwnProperty.call(handlers, event)) handlers[event] = [];
      },
      on: function (event, handler) {
        if (ELEMENT_EVENTS.indexOf(event) < 0) throw new TypeError('payjs: element.on() takes change, ready, focus or blur.');
        if (typeof handler === 'function') handlers[event].push(handler);
        return api;
      },
      off: function (event, handler) {
        var list = handlers[event];
        if (!list) return api;
        for (var i = list.length - 1; i >= 0; i -= 1) if (list[i] === handler) list.splice(i, 1);
        return api;
      }
    };
    registry.push({ api: api, group: group, isMounted: function () { return state.mounted; } });
    return api;
  }

  function createElements(options, fallbackLocale) {
    var locale = options && options.locale === 'en' ? 'en' : options && options.locale === 'ja' ? 'ja' : fallbackLocale;
    var group = { text: FIELD_TEXT[locale], values: { number: '', expiry: '', cvc: '' } };
    return { create: function (type, elementOptions) { return createElement(group, type, elementOptions); } };
  }

  function entryOf(element) {
    for (var i = 0; i < registry.length; i += 1) if (registry[i].api === element) return registry[i];
    return null;
  }

  function formBody(pairs) {
    var parts = [];
    for (var i = 0; i < pairs.length; i += 1) parts.push(encodeURIComponent(pairs[i][0]) + '=' + encodeURIComponent(pairs[i][1]));
    return parts.join('&');
  }

  /** A '/v1' call with the public key; resolves { body } or { error } (PAY.JP's error, or network_error). */
  function callApi(publicKey, path, pairs, text) {
    return fetch(sandboxOrigin + '/v1' + path, {
      method: 'POST',
      credentials: 'omit',
      headers: { Authorization: 'Basic ' + btoa(publicKey + ':'), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: formBody(pairs)
    }).then(function (response) {
      return response.json().then(function (body) {
        if (response.ok) return { body: body };
        return body && body.error ? { error: body.error } : clientError('network_error', text.network_error, response.status);
      });
    }).catch(function () {
      return clientError('network_error', text.network_error);
    });
  }

  function createToken(publicKey, workflow, text3ds, element, data, dialogOptions) {
    var entry = entryOf(element);
    var text = entry ? entry.group.text : FIELD_TEXT.ja;
    if (!entry || !entry.isMounted()) return Promise.resolve(clientError('invalid_element', text.invalid_element, 400));
    var values = entry.group.values;
    var fields = ['number', 'expiry', 'cvc'];
    for (var i = 0; i < fields.length; i += 1) {
      var check = checkField(fields[i], values, 'submit');
      if (check.error !== null) return Promise.resolve(clientError(check.error, text[check.error], 400));
    }
    var input = data || {};
    var pairs = [
      ['card[number]', values.number],
      ['card[exp_month]', String(Number(values.expiry.slice(0, 2)))],
      ['card[exp_year]', '20' + values.expiry.slice(2)],
      ['card[cvc]', values.cvc]
    ];
    var holder = input.card || {};
    for (var k = 0; k < CARDHOLDER_KEYS.length; k += 1) {
      var value = holder[CARDHOLDER_KEYS[k]];
      if (value !== undefined && value !== null && value !== '') pairs.push(['card[' + CARDHOLDER_KEYS[k] + ']', String(value)]);
    }
    var threeDSecure = input.three_d_secure === true;
    if (threeDSecure) pairs.push(['three_d_secure', 'true']);
    return callApi(publicKey, '/tokens', pairs, text).then(function (created) {
      if (created.error) return { error: created.error };
      var token = created.body;
      // The token says whether it runs 3-D Secure (the flag, or the account's "every token" setting).
      var needsChallenge = token.card && token.card.three_d_secure_status === 'unverified';
      if (!needsChallenge || workflow === 'redirect') return token;
      var opened = workflow === 'subwindow'
        ? openDialog(publicKey, token.id, dialogOptions, text3ds)
        : openIframe(publicKey, token.id, text3ds);
      return opened.then(function () {
        // pay.js finishes iframe / sub-window token flows itself (the shop's server charges the token directly).
        return callApi(publicKey, '/tokens/' + encodeURIComponent(token.id) + '/tds_finish', [], text).then(function (finished) {
          return finished.error ? { error: finished.error } : finished.body;
        });
      }, function (error) {
        return clientError(error && error.code ? error.code : 'canceled', error && error.message ? error.message : text3ds.canceled);
      });
    });
  }

  function Payjp(publicKey, options) {
    if (typeof publicKey !== 'string' || publicKey === '') throw new TypeError('Payjp: a public key (pk_...) is required.');
    if (publicKey.indexOf('sk_') === 0) throw new Error('Payjp: never use a secret key (sk_...) in the browser; pass the public key (pk_...).');
    var settings = options || {};
    if (settings.threeDSecureWorkflow !== undefined && WORKFLOWS.indexOf(settings.threeDSecureWorkflow) < 0) {
      throw new TypeError('Payjp: threeDSecureWorkflow must be iframe, subwindow or redirect.');
    }
    var locale = settings.locale === 'en' ? 'en' : 'ja';
    var text = TEXT[locale];
    var workflow = settings.threeDSecureWorkflow || 'iframe';
    return {
      getPublicKey: function () { return publicKey; },
      openThreeDSecureIframe: function (id) { return openIframe(publicKey, id, text); },
      openThreeDSecureDialog: function (id, dialogOptions) { return openDialog(publicKey, id, dialogOptions, text); },
      elements: function (elementsOptions) { return createElements(elementsOptions, locale); },
      createToken: function (element, data, dialogOptions) { return createToken(publicKey, workflow, text, element, data, dialogOptions); }
    };
  }

  window.Payjp = Payjp;
})();
`;
