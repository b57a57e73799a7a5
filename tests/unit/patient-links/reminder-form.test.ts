import { describe, expect, it } from "vitest";
import { reminderFormSchema, renderReminderForm } from "@/lib/patient-links/reminder-form";

const TOKEN = "t".repeat(43);

describe("the phone page's reminder form", () => {
  it("accepts an address and a time, or a stop; refuses a bad address and a bad time with the patient's messages", () => {
    expect(reminderFormSchema.parse({ intent: "subscribe", email: " a@b.test ", time: "07:30" })).toEqual({ intent: "subscribe", email: "a@b.test", time: "07:30" });
    expect(reminderFormSchema.parse({ intent: "stop" })).toEqual({ intent: "stop" });
    const bad = reminderFormSchema.safeParse({ intent: "subscribe", email: "nope", time: "25:00" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages).toEqual({ email: "Enter an email address like name@example.com", time: "Choose a time of day (HH:mm)" });
  });

  it("posts to the link's own reminders route, shows a refusal next to its field and keeps what was typed, escaped", () => {
    const page = renderReminderForm(TOKEN, null, { values: { email: '"><script>x</script>', time: "07:30" }, errors: { email: "Enter an email address like name@example.com" } }).__html;
    expect(page).toContain(`action="/p/${TOKEN}/reminders"`);
    expect(page).toContain('aria-invalid="true" aria-describedby="reminder-email-error"');
    expect(page).toContain('<span id="reminder-email-error" class="field-error">Enter an email address like name@example.com</span>');
    expect(page).not.toContain("<script>");
    expect(page).toContain("&quot;&gt;&lt;script&gt;");
    expect(page).toContain('value="07:30"');
  });

  it("offers only the stop button once the patient is opted in", () => {
    const page = renderReminderForm(TOKEN, { localTime: "19:00" }, null).__html;
    expect(page).toContain("every day at 19:00");
    expect(page).toContain('name="intent" value="stop"');
    expect(page).not.toContain('name="email"');
  });
});
