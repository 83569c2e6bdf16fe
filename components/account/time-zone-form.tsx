"use client";

import { useActionState } from "react";
import { FieldError, FormMessage, describe, useFocusedMessage } from "@/components/admin/people/form-bits";
import { saveTimeZoneAction } from "@/lib/actions/account";
import type { FormState } from "@/lib/actions/form-state";
import type { TimeZoneGroup } from "@/lib/domain/time-zone";

/** The zone the person reads times in. The choices and the example come from the page (server-made text). */
export function TimeZoneForm({ current, groups, example }: { current: string; groups: TimeZoneGroup[]; example: string }) {
  const [state, action, pending] = useActionState(saveTimeZoneAction, { status: "idle" } as FormState);
  const messageRef = useFocusedMessage(state);
  const errors = state.fieldErrors ?? {};
  const formId = "time-zone";
  const id = `${formId}-select`;
  const hintId = `${id}-hint`;
  return (
    <form action={action} aria-label="Time zone" data-state={pending ? "pending" : state.status} noValidate>
      <FormMessage state={state} messageRef={messageRef} />
      <div className="field">
        <label htmlFor={id}>Show times in</label>
        <span id={hintId} className="field__hint">
          When updates were saved, reviewed and published, the audit trail and other times. Calendar dates (cut-off, due dates) stay as they are. Now: {example}
          .
        </span>
        <FieldError formId={formId} field="timeZone" errors={errors} />
        {/* Keyed by the saved zone: after a save the page comes back with it, and the select shows it. */}
        <select key={current} id={id} name="timeZone" defaultValue={current} {...describe(formId, "timeZone", errors, hintId)}>
          {groups.map((group) => (
            <optgroup key={group.region} label={group.region}>
              {group.zones.map((zone) => (
                <option key={zone.value} value={zone.value}>
                  {zone.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending}>
          Save time zone
        </button>
      </div>
    </form>
  );
}
