import { z } from "zod";
import { nameField } from "@/lib/validation/names";
import { ROLES } from "@/db/schema";

export const ROLE_LABELS = { admin: "Admin", practitioner: "Practitioner" } as const;

export const addStaffSchema = z.object({
  name: nameField({ required: "Enter the person's name", tooLong: "Name must be at most 100 characters" }),
  // Stored lower-cased: sign-in compares emails case-insensitively.
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter an email address")
    .max(200, "Email must be at most 200 characters")
    .pipe(z.email("Enter a valid email address")),
  role: z.enum(ROLES, { message: "Choose a role" }),
});
export type AddStaffInput = z.output<typeof addStaffSchema>;

export const changeRoleSchema = z.object({
  id: z.uuid("Staff member not found"),
  role: z.enum(ROLES, { message: "Choose a role" }),
});

export const setActiveSchema = z.object({
  id: z.uuid("Staff member not found"),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const resetPasswordSchema = z.object({ id: z.uuid("Staff member not found") });

export const resetFactorsSchema = z.object({ id: z.uuid("Staff member not found") });

export const requireMfaSchema = z.object({
  requireMfa: z.enum(["true", "false"], { message: "Choose whether a second step is required" }).transform((v) => v === "true"),
});
