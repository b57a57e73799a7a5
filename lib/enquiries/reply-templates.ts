/**
 * What the clinic says to an enquirer: the automatic acknowledgement and the
 * staff's reply templates (edited before sending). Plain text, the clinic's
 * name and phone filled in; nothing clinical beyond what the enquirer wrote
 * is ever repeated back (an email may be read by someone else).
 */

export type ReplyVars = { firstName: string; clinicName: string; clinicPhone: string | null; responseHours: number };

export type ReplyTemplate = { key: string; label: string; subject: (v: ReplyVars) => string; text: (v: ReplyVars) => string };

const callUs = (v: ReplyVars) => (v.clinicPhone ? `You can also call us on ${v.clinicPhone}.` : "You can also reply to this email.");
const signOff = (v: ReplyVars) => `Kind regards,\n${v.clinicName}`;

/** Sent by itself when an enquiry with an email address arrives and email is on. */
export const ACKNOWLEDGEMENT: ReplyTemplate = {
  key: "acknowledgement",
  label: "Acknowledgement (sent automatically)",
  subject: (v) => `We have your enquiry: ${v.clinicName}`,
  text: (v) =>
    [
      `Hello ${v.firstName},`,
      `Thank you for getting in touch with ${v.clinicName}. We have your enquiry and will contact you within ${v.responseHours} hours, at the times you said suit you, to talk it through and, if it helps, book a first assessment.`,
      callUs(v),
      "If your pain is sudden and severe, or you have numbness around the groin or buttocks, new trouble passing water or controlling your bowels, or weakness in your legs, do not wait for us: call your emergency number or go to an emergency department now.",
      signOff(v),
    ].join("\n\n"),
};

/** The replies staff choose from in the inbox. */
export const REPLY_TEMPLATES: readonly ReplyTemplate[] = [
  {
    key: "offer-assessment",
    label: "Offer a first assessment",
    subject: (v) => `Your first assessment at ${v.clinicName}`,
    text: (v) =>
      [
        `Hello ${v.firstName},`,
        "Thank you for your enquiry. We would be glad to see you for a first assessment: about an hour, where we go through your history, test your movement and strength, and agree a plan with you.",
        `We can offer you [day and time]. ${v.clinicPhone ? `Call us on ${v.clinicPhone}` : "Reply to this email"} to confirm or to choose another time.`,
        signOff(v),
      ].join("\n\n"),
  },
  {
    key: "more-details",
    label: "Ask for more details",
    subject: (v) => `About your enquiry: ${v.clinicName}`,
    text: (v) =>
      [
        `Hello ${v.firstName},`,
        "Thank you for your enquiry. So that we can advise you well, could you tell us a little more: how long the pain has been there, what makes it better or worse, and whether you have seen anyone about it?",
        callUs(v),
        signOff(v),
      ].join("\n\n"),
  },
  {
    key: "refer-elsewhere",
    label: "Suggest another service",
    subject: (v) => `About your enquiry: ${v.clinicName}`,
    text: (v) =>
      [
        `Hello ${v.firstName},`,
        "Thank you for your enquiry. From what you describe, we think [service] would be the right place to start, and we suggest you contact them or your GP.",
        `If anything changes, ${v.clinicPhone ? `call us on ${v.clinicPhone}` : "reply to this email"}.`,
        signOff(v),
      ].join("\n\n"),
  },
];

export const TEMPLATE_KEYS = [ACKNOWLEDGEMENT.key, ...REPLY_TEMPLATES.map((t) => t.key)] as const;

export function getReplyTemplate(key: string): ReplyTemplate | undefined {
  return key === ACKNOWLEDGEMENT.key ? ACKNOWLEDGEMENT : REPLY_TEMPLATES.find((t) => t.key === key);
}

/** The enquirer's first name, as they typed their name (first word). */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
