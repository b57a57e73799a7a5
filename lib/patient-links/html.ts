/**
 * Patient pages are plain server-rendered HTML, not React pages: any App
 * Router page carries the framework's ~130 kB gzip of JS, over the patient
 * budget of 120 kB (issue 12), and a patient's phone needs none of it. Every
 * value goes through `escapeHtml`; markup is only ever built from literals.
 */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A fragment of markup already escaped; `html` tags wrap it so it is not escaped twice. */
export type Markup = { readonly __html: string };

type Part = string | number | Markup | null | undefined | false | readonly Markup[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (Array.isArray(part)) return (part as readonly Markup[]).map((p) => p.__html).join("");
  if (typeof part === "object") return (part as Markup).__html;
  return escapeHtml(part as string | number);
}

/** Tagged template: literal markup as written, every interpolated value escaped. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Markup {
  let out = strings[0] ?? "";
  parts.forEach((part, i) => {
    out += render(part) + (strings[i + 1] ?? "");
  });
  return { __html: out };
}

const CSS = `
:root{color-scheme:light dark;--bg:#f6f8fa;--fg:#14202b;--card:#fff;--muted:#4a5866;--line:#c9d3dc;--accent:#0b6e8a;--accent-fg:#fff;--ok:#1b6b3a}
@media (prefers-color-scheme:dark){:root{--bg:#101820;--fg:#eef3f7;--card:#18232d;--muted:#b3c0cc;--line:#3a4956;--accent:#6cc6de;--accent-fg:#0c1a22;--ok:#7fd3a0}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.25rem 0}h2{font-size:1.15rem;margin:0 0 .25rem}
.clinic,.muted{color:var(--muted);margin:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1rem;margin:0 0 1rem}
ol.exercises{list-style:none;padding:0;margin:1rem 0}
.dose{font-weight:600;margin:0 0 .5rem}
.media{display:block;width:100%;height:auto;border-radius:.5rem;margin:.5rem 0;background:var(--line)}
details{margin:.5rem 0}summary{cursor:pointer;min-height:44px;display:flex;align-items:center;gap:.4rem;font-weight:600;color:var(--accent)}
summary::before{content:"+";display:inline-block;width:1rem;text-align:center}details[open] summary::before{content:"−"}
label.done{display:flex;align-items:center;gap:.75rem;min-height:48px;font-weight:600;border-top:1px solid var(--line);margin-top:.5rem;padding-top:.5rem}
input[type=checkbox],input[type=radio]{width:1.5rem;height:1.5rem;accent-color:var(--accent)}
fieldset{border:1px solid var(--line);border-radius:.75rem;margin:0 0 1rem;padding:.75rem 1rem;background:var(--card)}
legend{font-weight:600;padding:0 .25rem}
.scale{display:grid;grid-template-columns:repeat(6,1fr);gap:.5rem}
.scale label,.choices label{display:flex;align-items:center;gap:.4rem;min-height:44px}
.choices{display:grid;gap:.25rem}
input[type=email],input[type=time]{width:100%;min-height:48px;font:inherit;color:inherit;background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.5rem}
.field-error{display:block;font-weight:600;color:#b3261e}
@media (prefers-color-scheme:dark){.field-error{color:#ffb4ab}}
textarea{width:100%;min-height:5rem;font:inherit;color:inherit;background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.5rem}
button{width:100%;min-height:52px;font:inherit;font-weight:700;border:0;border-radius:.75rem;background:var(--accent);color:var(--accent-fg);cursor:pointer}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.status{min-height:1.5rem;font-weight:600;color:var(--ok)}
.status[data-kind=error]{color:#b3261e}
@media (prefers-color-scheme:dark){.status[data-kind=error]{color:#ffb4ab}}
`;

/** A whole patient page: no staff navigation, nothing from outside, the one small script when asked for. */
export function renderDocument(options: { title: string; nonce: string; body: Markup; script?: boolean; css?: string }): string {
  const page = html`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex, nofollow"><meta name="color-scheme" content="light dark">
<title>${options.title}</title><style nonce="${options.nonce}">${{ __html: CSS + (options.css ?? "") }}</style></head>
<body><main>${options.body}</main>${options.script ? html`<script nonce="${options.nonce}" src="/p/patient.js" defer></script>` : ""}</body></html>`;
  return page.__html;
}
