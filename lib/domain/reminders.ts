// What a manager is told after sending reminders: honest about what was e-mailed. Pure.

export type ReminderOutcome = { status: "success" | "warning"; message: string };

const people = (n: number) => `${n} focal point${n === 1 ? "" : "s"}`;
const emails = (n: number) => `${n} e-mail${n === 1 ? "" : "s"}`;

/** `recipients`: focal points with something due; `sent`: e-mails accepted by the mail server. */
export function reminderOutcome(recipients: number, sent: number, mailConfigured: boolean): ReminderOutcome {
  if (recipients === 0) return { status: "success", message: "Nobody has anything due: no reminder needed." };
  const bell = `${recipients === 1 ? "The focal point still sees" : `The ${people(recipients)} still see`} what is due under the bell.`;
  if (!mailConfigured) {
    return { status: "warning", message: `0 e-mails sent: e-mail is not configured on this server. ${bell}` };
  }
  if (sent === recipients) return { status: "success", message: `Reminders e-mailed to ${people(sent)}.` };
  return {
    status: "warning",
    message: `${emails(sent)} of ${recipients} sent: the mail server refused or failed the rest (see the server log). ${bell}`,
  };
}
