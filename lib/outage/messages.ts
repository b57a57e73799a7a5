/** What every outage answer says, in pages, forms and JSON alike. */
export const DATABASE_DOWN_MESSAGE = "The database is not answering. Nothing was saved. Try again in a minute.";

/** After a committed write whose next page could not be shown. */
export const SAVED_BUT_DOWN_MESSAGE =
  "Your change was saved. The database stopped answering afterwards, so the next page cannot be shown. Try again in a minute.";

/** The search parameter a redirect after a committed write carries, so an outage page can say it was saved. */
export const SAVED_PARAM = "saved";
// The marker holds the save's time and counts for two minutes, so a bookmarked or reloaded URL never claims a save it did not make.
const SAVED_FRESH_SECONDS = 120;

export function makeSavedMarker(now = Date.now()): string {
  return String(Math.floor(now / 1000));
}

export function isFreshSave(marker: string | null | undefined, now = Date.now()): boolean {
  const at = Number(marker);
  return Number.isInteger(at) && at > 0 && now / 1000 - at >= -5 && now / 1000 - at <= SAVED_FRESH_SECONDS;
}

export const BODY_TOO_LARGE_MESSAGE = "This form is too large to send (the limit is 1 MB). Shorten the longest text and try again.";

/** The path a redirect after a committed write goes to, with the saved marker. */
export function withSavedMarker(path: string, now = Date.now()): string {
  return `${path}${path.includes("?") ? "&" : "?"}${SAVED_PARAM}=${makeSavedMarker(now)}`;
}
