// Service worker of the patient pages (scope /p/): keeps the programme page, its script and
// its pictures so the page opens offline. Network first, the copy only when the network fails;
// a link that answers 404 or 410 is dropped from the copy. Saved sessions are queued by the
// page itself (patient.js, IndexedDB), not here.
var CACHE = "plumbline-patient-v1";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "cache" || !Array.isArray(data.urls)) return;
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(data.urls.filter(function (u) { return typeof u === "string" && u.indexOf("/p/") === 0; }).map(function (u) { return cache.add(u).catch(function () {}); }));
    }),
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf("/p/") !== 0) return;
  event.respondWith(
    fetch(request).then(
      function (response) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) {
          if (response.ok) return cache.put(request, copy);
          if (response.status === 404 || response.status === 410) return cache.delete(request);
        });
        return response;
      },
      function () {
        return caches.match(request).then(function (hit) { return hit || Response.error(); });
      },
    ),
  );
});
