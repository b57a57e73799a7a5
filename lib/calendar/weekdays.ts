/** ISO weekdays as the forms post them (1 Monday .. 7 Sunday). No zod here: the booking form imports it in the browser. */
export const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
export const WEEKDAY_LABELS = { 1: "Mon", 2: "Tue", 3: "Wed", 4: "Thu", 5: "Fri", 6: "Sat", 7: "Sun" } as const;
