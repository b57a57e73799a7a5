/** Words, not colours, say what a booking is and where it stands (each kind also has its own icon and border). */
export const KIND_LABELS = { session: "Session", assessment: "Assessment", reassessment: "Reassessment" } as const;
export const STATUS_LABELS: Record<string, string> = {
  scheduled: "Booked",
  booked: "Booked",
  completed: "Logged",
  attended: "Attended",
  cancelled: "Cancelled",
  missed: "No-show",
  "no-show": "No-show",
};
export const isClosed = (status: string) => ["cancelled", "missed", "no-show"].includes(status);
