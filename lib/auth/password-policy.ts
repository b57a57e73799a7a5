import { z } from "zod";

// NIST SP 800-63B: length over composition rules; at least 12 characters here.
export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(200, "Use at most 200 characters");
