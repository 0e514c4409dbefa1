/* Proof of work for the report form (trustline/intake/abuse.py), computed while the
   person types. The form works without it: a browser without JavaScript, or without
   WebCrypto (pages over plain HTTP), sends no stamp and has a tighter budget.
   A stamp is a number n such that SHA-256("<challenge>:<n>") starts with
   data-bits zero bits; the challenge is bound to this one form. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-challenge]");
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder) {
    return;
  }
  var challenge = form.getAttribute("data-challenge");
  var bits = parseInt(form.getAttribute("data-bits"), 10);
  var field = form.querySelector("input[name=stamp]");
  var encoder = new TextEncoder();
  var BATCH = 256;

  function zeroBits(bytes) {
    var count = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) {
        count += 8;
        continue;
      }
      return count + Math.clz32(bytes[i]) - 24;
    }
    return count;
  }

  function attempt(nonce) {
    var text = encoder.encode(challenge + ":" + nonce);
    return window.crypto.subtle.digest("SHA-256", text).then(function (digest) {
      return zeroBits(new Uint8Array(digest)) >= bits ? nonce : -1;
    });
  }

  // Hashes in batches: WebCrypto answers asynchronously, one at a time is slow.
  function search(start) {
    var batch = [];
    for (var n = start; n < start + BATCH; n++) {
      batch.push(attempt(n));
    }
    return Promise.all(batch).then(function (found) {
      for (var i = 0; i < found.length; i++) {
        if (found[i] >= 0) {
          field.value = String(found[i]);
          return;
        }
      }
      return search(start + BATCH);
    });
  }

  if (field && challenge && bits > 0) {
    search(0);
  }
})();
