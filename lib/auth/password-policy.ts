import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { z } from "zod";

// NIST SP 800-63B 3.1.1.2: length over composition rules, and a check against
// known, guessable and context-specific passwords. 12 characters here.
export const MIN_PASSWORD_LENGTH = 12;
// zxcvbn's score 3 is "safely unguessable: moderate protection from offline slow-hash scenario" (< 10^10 guesses).
export const MIN_PASSWORD_SCORE = 3;

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "Use at most 200 characters");

let estimator: ZxcvbnFactory | undefined;
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/** Who the password belongs to: each word counts against it, as an attacker would try them first. */
export type PasswordContext = { name: string; email: string; clinicName: string };

function contextWords({ name, email, clinicName }: PasswordContext): string[] {
  const [local = "", domain = ""] = email.toLowerCase().split("@");
  const words = [name, email, local, domain, clinicName, "plumbline", ...`${name} ${local} ${domain} ${clinicName}`.split(/[^\p{L}\p{N}]+/u)];
  return [...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 3))];
}

/**
 * Why a staff member's chosen password is refused, or null when it is strong
 * enough. One-time passwords an admin issues are random and skip this.
 */
export function explainWeakPassword(password: string, context: PasswordContext): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  const result = getEstimator().check(password, contextWords(context));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const personal = result.sequence.some((m) => "dictionaryName" in m && m.dictionaryName === "userInputs");
  if (personal) return "This password is too easy to guess: it contains your name, email address or clinic name. Add a few more uncommon words.";
  const why = result.feedback.warning ?? "It would be guessed quickly.";
  const hint = result.feedback.suggestions[0] ?? "Add a few more uncommon words.";
  return `This password is too easy to guess: ${why.replace(/\.?$/, ".")} ${hint}`;
}
