// Fixed ports of the browser-test server (scripts/e2e-server.ts), overridable when they are taken.
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54331);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
// The embedded server's fixed local credentials (scripts/lib/embedded-postgres.ts).
export const E2E_DATABASE_URL = `postgresql://postgres:embedded-local-only@127.0.0.1:${E2E_PG_PORT}/tracker`;
