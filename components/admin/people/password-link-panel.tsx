"use client";

import { useState } from "react";
import { formatDateTime } from "@/lib/domain/format";
import { linkDeliveryMessage, type IssuedLink } from "@/lib/domain/people";

/**
 * A one-time link, shown once after it was created: only its hash is stored, so it cannot be shown
 * again (a new one voids it). Says whether it was also e-mailed. Its expiry is shown in `timeZone`, the admin's.
 */
export function PasswordLinkPanel({ link, timeZone }: { link: IssuedLink; timeZone: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const inputId = `link-${link.userId}`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied("copied");
    } catch {
      // No clipboard permission (or an http page): select the text, so Ctrl+C copies it.
      (document.getElementById(inputId) as HTMLInputElement | null)?.select();
      setCopied("failed");
    }
  }
  return (
    <div className="card" data-testid="password-link">
      <div className="field">
        <label htmlFor={inputId}>
          {link.purpose === "INVITE" ? "Invitation link" : "Password reset link"} for {link.name}
        </label>
        <span id={`${inputId}-hint`} className="field__hint">
          Works once, until {formatDateTime(new Date(link.expiresAt), timeZone)}. Anyone with it can set the password for {link.email}: pass it on privately.
        </span>
        <input
          id={inputId}
          type="text"
          readOnly
          value={link.url}
          aria-describedby={`${inputId}-hint`}
          onFocus={(e) => e.currentTarget.select()}
          style={{ width: "100%", fontFamily: "monospace" }}
          data-testid="password-link-url"
        />
      </div>
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={copy}>
          Copy link
        </button>
        <span role="status">{copied === "copied" ? "Copied." : copied === "failed" ? "Could not copy: the link is selected, press Ctrl+C." : ""}</span>
      </div>
      <p data-testid="password-link-delivery" style={{ margin: "0.75rem 0 0" }}>
        {linkDeliveryMessage(link.delivery, link.email)}
      </p>
    </div>
  );
}
