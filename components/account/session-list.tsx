import { endSessionAction, signOutEverywhereAction } from "@/lib/actions/auth";
import { formatDateTime } from "@/lib/domain/format";
import { describeUserAgent, type SessionListItem } from "@/lib/domain/sessions";

/**
 * The person's live sessions (each browser signed in as them): where and when, and a button to end any
 * other one at once. "Sign out everywhere" ends them all, this one included.
 */
export function SessionList({ sessions, timeZone, ended }: { sessions: SessionListItem[]; timeZone: string; ended: boolean }) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <>
      {ended && (
        <p role="status" className="alert alert--success">
          The session was ended: that browser has to sign in again.
        </p>
      )}
      <p className="muted">
        {sessions.length === 1 ? "You are signed in on this browser only." : `You are signed in on ${sessions.length} browsers.`} A session ends after an hour
        without use, and at the latest a working day after signing in.
      </p>
      <ul className="session-list" data-testid="session-list">
        {sessions.map((session) => (
          <li key={session.id} className="session-list__item" data-current={session.current || undefined}>
            <p className="session-list__title">
              <strong>{describeUserAgent(session.userAgent)}</strong>
              {session.current && <span className="session-list__current">This browser</span>}
            </p>
            <dl className="facts">
              <dt>Signed in</dt>
              <dd>{formatDateTime(session.createdAt, timeZone)}</dd>
              <dt>Last active</dt>
              <dd>{formatDateTime(session.lastSeenAt, timeZone)}</dd>
              <dt>Ends by itself</dt>
              <dd>{formatDateTime(session.endsAt, timeZone)}</dd>
              {session.address && (
                <>
                  <dt>Address</dt>
                  <dd>{session.address}</dd>
                </>
              )}
            </dl>
            {!session.current && (
              <form action={endSessionAction}>
                <input type="hidden" name="sessionId" value={session.id} />
                <button type="submit" className="button button--secondary">
                  End this session
                  <span className="visually-hidden">
                    : {describeUserAgent(session.userAgent)}, signed in {formatDateTime(session.createdAt, timeZone)}
                  </span>
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <form action={signOutEverywhereAction}>
        <button type="submit" className="button button--secondary">
          Sign out everywhere{others > 0 ? ` (${others + 1} browsers)` : ""}
        </button>
      </form>
    </>
  );
}
