import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string };

let transporter: Transporter | null | undefined;

function getTransporter(): Transporter | null {
  if (transporter !== undefined) return transporter;
  const env = getEnv();
  transporter = env.SMTP_HOST
    ? nodemailer.createTransport({
        host: env.SMTP_HOST,
        port: env.SMTP_PORT,
        secure: env.SMTP_SECURE === "true",
        auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
        connectionTimeout: 10_000,
      })
    : null;
  return transporter;
}

export function isMailConfigured(): boolean {
  return getTransporter() !== null;
}

/**
 * Sends the mails when SMTP is configured; otherwise does nothing. Never throws: a mail that cannot be
 * sent is logged, and the change that caused it stands. Returns how many were sent.
 */
export async function sendMails(mails: readonly Mail[]): Promise<number> {
  const transport = getTransporter();
  if (!transport || mails.length === 0) return 0;
  const from = getEnv().SMTP_FROM;
  let sent = 0;
  for (const mail of mails) {
    try {
      await transport.sendMail({ from, ...mail });
      sent += 1;
    } catch (error) {
      console.error(JSON.stringify({ level: "error", event: "mail.send_failed", to: mail.to, subject: mail.subject, error: String(error) }));
    }
  }
  return sent;
}

export function appUrl(path: string): string {
  return new URL(path, getEnv().NEXTAUTH_URL ?? "http://localhost:3000").toString();
}
