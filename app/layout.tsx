import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "NATO–EU Progress Tracker", template: "%s · NATO–EU Progress Tracker" },
  description: "Track progress on the 74 common proposals of NATO–EU cooperation and prepare the joint progress reports.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
