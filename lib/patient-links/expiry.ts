import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";

/** A link lasts until the programme's review date, and never longer than this [U: issue 12's limit]. */
export const MAX_LINK_DAYS = 90;

/**
 * When a programme link made now expires: the end of the review day in the
 * clinic's time zone, or 90 days from now when that is sooner or there is no
 * review date. Null when the review date has passed (a link would be born expired).
 */
export function computeProgrammeLinkExpiry(reviewDate: string | null, timeZone: string, now = new Date()): Date | null {
  const cap = addDays(now, MAX_LINK_DAYS);
  if (!reviewDate) return cap;
  const [y, m, d] = reviewDate.split("-").map(Number) as [number, number, number];
  const endOfReview = new TZDate(y, m - 1, d, 23, 59, 59, 999, timeZone);
  const expires = new Date(Math.min(endOfReview.getTime(), cap.getTime()));
  return expires.getTime() <= now.getTime() ? null : expires;
}
