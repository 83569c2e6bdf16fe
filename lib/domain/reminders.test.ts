import { expect, test } from "vitest";
import { reminderOutcome } from "./reminders";

test.each([
  [0, 0, false, "success", "Nobody has anything due: no reminder needed."],
  [0, 0, true, "success", "Nobody has anything due: no reminder needed."],
  [12, 0, false, "warning", "0 e-mails sent: e-mail is not configured on this server. The 12 focal points still see what is due under the bell."],
  [1, 0, false, "warning", "0 e-mails sent: e-mail is not configured on this server. The focal point still sees what is due under the bell."],
  [3, 3, true, "success", "Reminders e-mailed to 3 focal points."],
  [1, 1, true, "success", "Reminders e-mailed to 1 focal point."],
  [
    5,
    2,
    true,
    "warning",
    "2 e-mails of 5 sent: the mail server refused or failed the rest (see the server log). The 5 focal points still see what is due under the bell.",
  ],
  [
    5,
    0,
    true,
    "warning",
    "0 e-mails of 5 sent: the mail server refused or failed the rest (see the server log). The 5 focal points still see what is due under the bell.",
  ],
] as const)("%i due, %i sent, mail configured %s: %s", (recipients, sent, configured, status, message) => {
  expect(reminderOutcome(recipients, sent, configured)).toEqual({ status, message });
});
