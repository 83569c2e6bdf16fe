import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "NATO–EU Progress Tracker", template: "%s · NATO–EU Progress Tracker" },
  description: "Track progress on the 74 common proposals of NATO–EU cooperation and prepare the joint progress reports.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * Reading the request headers makes every page render per request, which the CSP nonce needs (proxy.ts
 * sets a new one for each response; Next.js puts it on its scripts).
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await headers();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
