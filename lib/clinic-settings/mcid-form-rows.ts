// Rows offered for baseline bands on the form (the default NPRS rule has three: Thieme [V]).
// Its own module (no zod), so the form in the browser can read it.
export const MCID_BAND_ROWS = 3;
