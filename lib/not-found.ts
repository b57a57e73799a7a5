import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

/** For pages: another clinic's, an unknown or a malformed id becomes the not-found view. */
export function orNotFound<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
}
