import type { IncomingMessage, ServerResponse } from 'node:http';
import { PAYGENT_TOKEN_CREATE_PATH } from './token';

/** Where the stand-in PaygentToken.js is served (cf. `https://sandbox.paygent.co.jp/js/PaygentToken.js`). */
export const PAYGENT_TOKEN_JS_PATH = '/paygent/js/PaygentToken.js';

/**
 * Source of the stand-in PaygentToken.js: a plain ES5 script that defines only
 * `window.PaygentToken`. It finds the sandbox from its own `document.currentScript.src`, so it works
 * on whichever origin serves it. It logs nothing and keeps nothing: each call posts the fields once
 * and hands the JSON answer to the callback.
 */
export const PAYGENT_TOKEN_SOURCE = String.raw`/* react-3ds-kit sandbox: stand-in for Paygent's PaygentToken.js. Not Paygent's code. */
(function () {
  'use strict';
  var script = document.currentScript;
  var sandboxOrigin = script && script.src ? new URL(script.src, window.location.href).origin : window.location.origin;
  var ENDPOINT = sandboxOrigin + '${PAYGENT_TOKEN_CREATE_PATH}';
  var TIMEOUT_MS = 20000;

  function text(value) {
    return value === undefined || value === null ? '' : String(value);
  }

  function send(fields, callback) {
    var done = false;
    function finish(response) {
      if (done) return;
      done = true;
      if (typeof callback === 'function') callback(response);
    }
    if (typeof XMLHttpRequest === 'undefined' || typeof URLSearchParams === 'undefined') {
      setTimeout(function () { finish({ result: '7000' }); }, 0);
      return;
    }
    var body = new URLSearchParams();
    for (var key in fields) {
      if (Object.prototype.hasOwnProperty.call(fields, key)) body.append(key, fields[key]);
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', ENDPOINT, true);
    xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
    xhr.timeout = TIMEOUT_MS;
    xhr.onload = function () {
      var answer = null;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch (error) {
        answer = null;
      }
      if (answer !== null && typeof answer === 'object' && typeof answer.result === 'string') finish(answer);
      else finish({ result: '7001' });
    };
    xhr.onerror = function () { finish({ result: '7001' }); };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = xhr.onerror;
    xhr.send(body.toString());
  }

  function PaygentToken() {
    if (!(this instanceof PaygentToken)) return new PaygentToken();
  }

  PaygentToken.prototype.createToken = function (merchantId, tokenGeneratePubkey, cardInfo, callback) {
    var card = cardInfo || {};
    send({
      token_type: 'card',
      merchant_id: text(merchantId),
      token_generate_key: text(tokenGeneratePubkey),
      card_number: text(card.card_number),
      expire_year: text(card.expire_year),
      expire_month: text(card.expire_month),
      cvc: text(card.cvc),
      name: text(card.name)
    }, callback);
  };

  PaygentToken.prototype.createCvcToken = function (merchantId, tokenGeneratePubkey, cvcInfo, callback) {
    var info = cvcInfo || {};
    send({
      token_type: 'cvc',
      merchant_id: text(merchantId),
      token_generate_key: text(tokenGeneratePubkey),
      cvc: text(info.cvc)
    }, callback);
  };

  window.PaygentToken = PaygentToken;
})();
`;

/** Serves the stand-in PaygentToken.js (GET and HEAD only). */
export function serveTokenScript(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed');
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Content-Length': Buffer.byteLength(PAYGENT_TOKEN_SOURCE),
    'Cache-Control': 'no-store',
    // Apps may load it cross-origin with crossorigin="anonymous".
    'Access-Control-Allow-Origin': '*',
  });
  res.end(req.method === 'HEAD' ? undefined : PAYGENT_TOKEN_SOURCE);
}
