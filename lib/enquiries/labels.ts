import type { EnquiryStatus } from "@/db/schema";

export const ENQUIRY_STATUS_LABELS: Record<EnquiryStatus, string> = { new: "New", contacted: "Contacted", booked: "Booked", closed: "Closed" };
