// What the 403 page says: it speaks to what the person tried (from the path they opened), not to a
// rule that does not concern them. Pure; the page reads the path from a header the proxy sets.

export type ForbiddenText = { title: string; body: string; link: { href: string; label: string } };

const PROPOSALS = { href: "/proposals", label: "Back to the proposals" };
const CYCLE = { href: "/periods", label: "Back to the reporting cycle" };

const RULES: { match: RegExp; text: ForbiddenText }[] = [
  {
    match: /^\/audit(\/|$)/,
    text: { title: "The audit trail is for administrators", body: "Ask an administrator if you need to know who changed what.", link: PROPOSALS },
  },
  {
    match: /^\/admin(\/|$)/,
    text: {
      title: "The admin section is for administrators",
      body: "People, focal points, the catalogue and imports are managed by the tracker's administrators. Ask one of them for a change.",
      link: PROPOSALS,
    },
  },
  {
    match: /^\/periods\/(new|[^/]+\/edit)$/,
    text: { title: "Managers run the reporting cycle", body: "Only managers create reporting periods and change their dates.", link: CYCLE },
  },
  {
    match: /^\/proposals\/[^/]+\/update$/,
    text: {
      title: "You cannot record an update for this proposal now",
      body: "Staff record updates on the proposals where they are a focal point (managers on any), while the period is open or the proposal is reopened. The proposal's page says where it stands; ask an administrator if you should be its focal point.",
      link: PROPOSALS,
    },
  },
  {
    match: /^\/review(\/|$)/,
    text: {
      title: "Reviewing updates is for managers",
      body: "Managers approve submitted updates or return them to their authors. Your updates and what you owe are on My work.",
      link: { href: "/my-work", label: "Go to My work" },
    },
  },
  {
    match: /^\/reports(\/|$)/,
    text: {
      title: "This report is not available to you yet",
      body: "Drafts and editions awaiting sign-off are for managers; every signed-in role reads an edition once NATO and the EU have both signed it off.",
      link: { href: "/reports", label: "Back to the reports" },
    },
  },
];

const FALLBACK: ForbiddenText = { title: "You cannot open this page", body: "Your role does not give access to it.", link: PROPOSALS };

export function forbiddenText(path: string | null): ForbiddenText {
  return RULES.find((rule) => path && rule.match.test(path))?.text ?? FALLBACK;
}

export const NOT_FOUND_TEXT: ForbiddenText = {
  title: "Page not found",
  body: "The page or record you asked for does not exist, or you do not have access to it.",
  link: { href: "/dashboard", label: "Go to the dashboard" },
};
