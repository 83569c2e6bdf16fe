import type { EvidenceLink } from "@/lib/domain/proposals";

/** Evidence links, opened in a new tab without handing it this page (noopener, no referrer). */
export function EvidenceLinks({ links, className, style }: { links: EvidenceLink[]; className?: string; style?: React.CSSProperties }) {
  return (
    <ul className={className} style={style}>
      {links.map((link, i) => (
        <li key={`${i}-${link.url}`}>
          <a href={link.url} rel="noopener noreferrer nofollow" target="_blank">
            {link.label || link.url}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
