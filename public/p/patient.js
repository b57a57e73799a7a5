// The patient page's one script (lib/patient-links/programme-page.ts renders the page).
// It keeps each saved session in IndexedDB until the server has it, so a session saved
// offline is sent when the phone is back online. Every session carries a random client
// id made here when it is saved; a resend of it (lost answer, second tab) is counted once
// by the server's unique index. Plain JS on purpose: no framework for a patient's phone.
// @ts-check
(function () {
  "use strict";
  var form = document.getElementById("session-form");
  if (!(form instanceof HTMLFormElement)) return;
  var status = document.getElementById("status");
  var queueNote = document.getElementById("queue");
  var action = form.action;
  var DB_NAME = "plumbline-patient";
  var STORE = "queue";

  /** @param {string} text @param {string} [kind] */
  function say(text, kind) {
    if (!status) return;
    status.textContent = text;
    if (kind) status.setAttribute("data-kind", kind);
    else status.removeAttribute("data-kind");
  }

  /** A v4 UUID, also where crypto.randomUUID is missing (plain http on a local network). */
  function newId() {
    if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  /** The phone's own date: the day the session was done, wherever it is sent from. */
  function localDate() {
    var d = new Date();
    var pad = function (/** @type {number} */ n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /** @returns {Promise<IDBDatabase>} */
  function openDb() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = function () { req.result.createObjectStore(STORE, { keyPath: "clientId" }); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  /** @param {IDBTransactionMode} mode @param {(s: IDBObjectStore) => IDBRequest} work */
  function withStore(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode);
        var req = work(t.objectStore(STORE));
        t.oncomplete = function () { db.close(); resolve(req.result); };
        t.onerror = function () { db.close(); reject(t.error); };
      });
    });
  }

  /** @returns {Promise<Array<{clientId: string, action: string, fields: string[][]}>>} */
  function queued() {
    return withStore("readonly", function (s) { return s.getAll(); }).then(function (all) {
      return /** @type {any[]} */ (all).filter(function (e) { return e.action === action; });
    });
  }

  function showQueue() {
    return queued().then(function (list) {
      if (queueNote) queueNote.textContent = list.length ? list.length + (list.length === 1 ? " session is" : " sessions are") + " waiting on this phone to be sent." : "";
      return list;
    });
  }

  var flushing = false;
  /** Sends what is queued, oldest first; keeps it on a network error, drops it once the server answered for good. */
  function flush() {
    if (flushing) return Promise.resolve();
    flushing = true;
    return queued()
      .then(function (list) {
        var chain = Promise.resolve(true);
        list.forEach(function (entry) {
          chain = chain.then(function (goOn) {
            if (!goOn) return false;
            return fetch(action, { method: "POST", body: new URLSearchParams(entry.fields), headers: { accept: "application/json" }, credentials: "omit" }).then(
              function (res) {
                if (res.status >= 500 || res.status === 429) return false;
                return withStore("readwrite", function (s) { return s.delete(entry.clientId); }).then(function () {
                  if (res.ok) return true;
                  return res.json().catch(function () { return {}; }).then(function (/** @type {{error?: string}} */ body) {
                    say(body.error || "A saved session was refused.", "error");
                    return true;
                  });
                });
              },
              function () { return false; },
            );
          });
        });
        return chain;
      })
      .catch(function () {})
      .then(function () {
        flushing = false;
        return showQueue();
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = new FormData(form);
    var clientId = newId();
    data.set("clientId", clientId);
    data.set("doneOn", localDate());
    var fields = [];
    data.forEach(function (value, key) { if (typeof value === "string") fields.push([key, value]); });
    withStore("readwrite", function (s) { return s.put({ clientId: clientId, action: action, fields: fields, savedAt: Date.now() }); })
      .then(function () {
        form.reset();
        say(navigator.onLine ? "Sending…" : "Saved on this phone. It will be sent when you are back online.");
        return flush();
      })
      .then(function (list) {
        var waiting = (list || []).some(function (e) { return e.clientId === clientId; });
        if (!waiting && status && status.getAttribute("data-kind") !== "error") say("Saved. Thank you: your clinic will see it.");
        else if (waiting) say("Saved on this phone. It will be sent when you are back online.");
      })
      .catch(function () { form.submit(); });
  });

  window.addEventListener("online", function () { flush(); });
  flush();

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker
      .register("/p/sw.js", { scope: "/p/" })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (reg) {
        var urls = [location.pathname, "/p/patient.js"];
        document.querySelectorAll("img.media, video.media").forEach(function (el) { var src = el.getAttribute("src"); if (src) urls.push(src); });
        if (reg.active) reg.active.postMessage({ type: "cache", urls: urls });
      })
      .catch(function () {});
  }
})();
