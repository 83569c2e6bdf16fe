// The only reader of process.env for the application (scripts/ read their own launch options).
// Parsed lazily so that `next build` does not need a database or a secret.
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  /** Connections per app process; several stateless processes share one PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Session lifetime in seconds (default 8 hours, a working day). */
  SESSION_MAX_AGE: z.coerce
    .number()
    .int()
    .min(300)
    .max(30 * 24 * 3600)
    .default(8 * 3600),
  /** A session not used for this many seconds ends (default 1 hour); SESSION_MAX_AGE is the absolute end. */
  SESSION_IDLE_TIMEOUT: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(3600),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Public address of the app, for links in e-mails. */
  NEXTAUTH_URL: z.string().url().optional(),
  /** E-mail reminders are sent only when SMTP_HOST is set; without it the in-app bell still works. */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: z.enum(["true", "false"]).default("false"),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default("NATO-EU Progress Tracker <no-reply@localhost>"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse({
    ...process.env,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
