-- Sign-in throttling kept in PostgreSQL so that it holds across app processes (lib/data/sign-in-throttle.ts):
-- counters per account and per client address, updated by one atomic upsert per attempt. Not append-only:
-- rows are reset on success and stale ones are purged.
-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3),
    "failuresSinceSignIn" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMPTZ(3),
    "noticeFailures" INTEGER NOT NULL DEFAULT 0,
    "noticeLastFailureAt" TIMESTAMPTZ(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInThrottle_windowStart_idx" ON "SignInThrottle"("windowStart");

