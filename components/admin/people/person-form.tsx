"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import type { PeopleFormState } from "@/lib/actions/people";
import { ORGANISATION_CODES, ROLE_DESCRIPTIONS, type OrganisationCode } from "@/lib/domain/people";
import { ROLE_LABELS, ROLES } from "@/lib/domain/vocabulary";
import { EU_BODIES, EU_BODY_LABELS } from "@/lib/validation/people";
import { describe, errorId, FieldError, FormMessage, useFocusedMessage } from "./form-bits";
import { PasswordLinkPanel } from "./password-link-panel";

export type PersonFormValues = { name: string; email: string; role: string; organisation: string; body: string };

const ORGANISATION_LABELS: Record<OrganisationCode, string> = { NATO: "NATO International Staff", EU: "European Union" };

type Props =
  | {
      mode: "invite";
      action: (state: PeopleFormState, formData: FormData) => Promise<PeopleFormState>;
      onAnother?: () => void;
      /** The admin's, for the new link's expiry. */
      timeZone: string;
    }
  | {
      mode: "edit";
      action: (state: FormState, formData: FormData) => Promise<FormState>;
      userId: string;
      expectedUpdatedAt: string;
      initial: PersonFormValues;
      /** Proposals the person follows: a change of organisation moves them to the other side's count. */
      followedProposals: number;
    };

const EMPTY: PersonFormValues = { name: "", email: "", role: "", organisation: "", body: "" };

/**
 * Inviting someone, or editing their name, role, organisation and EU body. The body is asked only for
 * the EU side: with JavaScript the field is left out (and not sent) while NATO is chosen; without it, the
 * server explains. Errors sit beside their fields; the outcome is announced and focused.
 */
export function PersonForm(props: Props) {
  const [state, formAction, pending] = useActionState(
    props.action as (s: PeopleFormState, f: FormData) => Promise<PeopleFormState>,
    {
      status: "idle",
    } as PeopleFormState,
  );
  const messageRef = useFocusedMessage(state);
  const formId = props.mode === "invite" ? "invite" : "edit-person";
  const errors = state.fieldErrors ?? {};
  const initial = props.mode === "edit" ? props.initial : EMPTY;
  const values: PersonFormValues = state.status === "error" ? { ...initial, ...(state.values as Partial<PersonFormValues>) } : initial;

  if (props.mode === "invite" && state.status === "success" && state.link) {
    return (
      <div data-state="success">
        <FormMessage state={state} messageRef={messageRef} />
        <PasswordLinkPanel link={state.link} timeZone={props.timeZone} />
        <p className="form-actions">
          <Link className="button" href={`/admin/users/${state.link.userId}`}>
            Open {state.link.name}&rsquo;s page
          </Link>
          {props.onAnother && (
            <button type="button" className="button button--secondary" onClick={props.onAnother}>
              Invite someone else
            </button>
          )}
        </p>
      </div>
    );
  }

  return (
    <form
      action={formAction}
      aria-label={props.mode === "invite" ? "Invite someone" : "Change details"}
      data-state={pending ? "pending" : state.status}
      key={state.status === "error" ? JSON.stringify(state.values) : state.status}
      noValidate
    >
      <FormMessage state={state} messageRef={messageRef} />
      {props.mode === "edit" && (
        <>
          <input type="hidden" name="userId" value={props.userId} />
          <input type="hidden" name="expectedUpdatedAt" value={props.expectedUpdatedAt} />
        </>
      )}
      <div className="field">
        <label htmlFor={`${formId}-name`}>Full name</label>
        <FieldError formId={formId} field="name" errors={errors} />
        <input
          id={`${formId}-name`}
          name="name"
          type="text"
          autoComplete="off"
          defaultValue={values.name}
          maxLength={120}
          {...describe(formId, "name", errors)}
        />
      </div>
      {props.mode === "invite" && (
        <div className="field">
          <label htmlFor={`${formId}-email`}>E-mail address</label>
          <span id={`${formId}-email-hint`} className="field__hint">
            They sign in with it, and receive their link there when e-mail is configured.
          </span>
          <FieldError formId={formId} field="email" errors={errors} />
          <input
            id={`${formId}-email`}
            name="email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={values.email}
            maxLength={320}
            {...describe(formId, "email", errors, `${formId}-email-hint`)}
          />
        </div>
      )}
      <RoleField formId={formId} value={values.role} errors={errors} />
      <OrganisationFields formId={formId} values={values} errors={errors} />
      {props.mode === "edit" && props.followedProposals > 0 && (
        <p className="field__hint">
          They follow {props.followedProposals} proposal{props.followedProposals === 1 ? "" : "s"} as focal point: a new organisation counts them for the other
          side.
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending}>
          {props.mode === "invite" ? "Invite and create a link" : "Save changes"}
        </button>
      </div>
    </form>
  );
}

function RoleField({ formId, value, errors }: { formId: string; value: string; errors: Record<string, string> }) {
  return (
    <fieldset className="field" aria-describedby={errors.role ? errorId(formId, "role") : undefined}>
      <legend>Role</legend>
      <FieldError formId={formId} field="role" errors={errors} />
      <div className="radio-grid">
        {ROLES.map((role) => (
          <label key={role} htmlFor={`${formId}-role-${role}`}>
            <input id={`${formId}-role-${role}`} type="radio" name="role" value={role} defaultChecked={value === role} />
            <span>
              {ROLE_LABELS[role]}
              <br />
              <span className="field__hint">{ROLE_DESCRIPTIONS[role]}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function OrganisationFields({ formId, values, errors }: { formId: string; values: PersonFormValues; errors: Record<string, string> }) {
  const [organisation, setOrganisation] = useState(values.organisation);
  const isNato = organisation === "NATO";
  return (
    <>
      <fieldset className="field" aria-describedby={errors.organisation ? errorId(formId, "organisation") : undefined}>
        <legend>Organisation</legend>
        <FieldError formId={formId} field="organisation" errors={errors} />
        <div className="radio-grid">
          {ORGANISATION_CODES.map((code) => (
            <label key={code} htmlFor={`${formId}-organisation-${code}`}>
              <input
                id={`${formId}-organisation-${code}`}
                type="radio"
                name="organisation"
                value={code}
                defaultChecked={values.organisation === code}
                onChange={() => setOrganisation(code)}
              />
              <span>{ORGANISATION_LABELS[code]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {!isNato && (
        <div className="field">
          <label htmlFor={`${formId}-body`}>EU body</label>
          <span id={`${formId}-body-hint`} className="field__hint">
            For EU staff only.
          </span>
          <FieldError formId={formId} field="body" errors={errors} />
          <select id={`${formId}-body`} name="body" defaultValue={values.body} {...describe(formId, "body", errors, `${formId}-body-hint`)}>
            <option value="">Choose…</option>
            {EU_BODIES.map((body) => (
              <option key={body} value={body}>
                {EU_BODY_LABELS[body]}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}

/** The invitation form; "Invite someone else" starts a fresh one (the link shown is then gone). */
export function InviteForm({ action, timeZone }: { action: (state: PeopleFormState, formData: FormData) => Promise<PeopleFormState>; timeZone: string }) {
  const [round, setRound] = useState(0);
  return <PersonForm key={round} mode="invite" action={action} timeZone={timeZone} onAnother={() => setRound((n) => n + 1)} />;
}
