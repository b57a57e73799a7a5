"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { calendarFeedAction } from "@/lib/calendar/actions";

/** Turns the private feed on (a new address, shown once) or off. */
export function FeedForm({ active }: { active: boolean }) {
  const [state, action, pending] = useActionState(calendarFeedAction, {});
  const path = state.ok ? state.values?.feedPath : undefined;
  const on = path ? true : state.ok && state.message?.startsWith("Feed turned off") ? false : active;
  return (
    <div className="grid gap-4">
      {path && (
        <div className="grid gap-2">
          <Label htmlFor="feed-url">Your feed address (subscribe to it in your phone&apos;s calendar)</Label>
          <Input id="feed-url" readOnly value={`${window.location.origin}${path}`} onFocus={(e) => e.currentTarget.select()} data-testid="feed-url" />
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        <form action={action}>
          <input type="hidden" name="intent" value="create" />
          <Button type="submit" disabled={pending}>
            {on ? "Make a new address (the old one stops working)" : "Turn the feed on"}
          </Button>
        </form>
        {on && (
          <form action={action}>
            <input type="hidden" name="intent" value="revoke" />
            <Button type="submit" variant="destructive" disabled={pending}>
              Turn the feed off
            </Button>
          </form>
        )}
      </div>
      <FormMessage state={state} />
    </div>
  );
}
