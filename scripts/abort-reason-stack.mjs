// Preloaded into the production server by scripts/start.mjs. Works around a
// memory leak in the React server renderer bundled with Next.js (see
// docs/benchmarks.md, notes, "Soak memory"): when a render completes, React
// aborts its cache signal with a new Error, and V8 keeps that error's
// unformatted stack frames, receivers included, until `.stack` is first read.
// One of those receivers is the Immediate React's work ran in, which links to
// the other Immediates of its batch and, through their async-context stores,
// to other finished requests: every request stayed reachable. Reading `.stack`
// once makes V8 format it to a string and drop the frames, which cuts the
// chain. Upstream: react/react#37289 (not released in the React that Next 16.4.6 bundles).
const abort = AbortController.prototype.abort;
AbortController.prototype.abort = function abortAndReleaseStack(reason) {
  if (reason instanceof Error) void reason.stack;
  return abort.call(this, reason);
};
