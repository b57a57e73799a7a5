/** Another clinic's id, an unknown id or a malformed one: all look the same. */
export class NotFoundError extends Error {
  constructor(readonly what = "Record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** Someone else saved the record since this form was opened. */
export class ConflictError extends Error {
  constructor(message = "This record was changed by someone else since you opened it. Reload to see their changes, then make yours again.") {
    super(message);
    this.name = "ConflictError";
  }
}

/** A rule refused the change; the message is for the user. */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "RuleError";
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
