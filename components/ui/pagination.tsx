import Link from "next/link";

type Props = { page: number; pageCount: number; href: (page: number) => string; label: string };

/** Previous / next and a few page numbers around the current one; plain links, so it works without JavaScript. */
export function Pagination({ page, pageCount, href, label }: Props) {
  if (pageCount <= 1) return null;
  const pages = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return (
    <nav className="pagination no-print" aria-label={label}>
      <ul className="plain-list">
        <li>{page > 1 ? <Link href={href(page - 1)}>Previous</Link> : <span className="muted">Previous</span>}</li>
        {pages.map((p, i) => (
          <li key={p}>
            {i > 0 && p - pages[i - 1]! > 1 && <span aria-hidden="true">… </span>}
            {p === page ? (
              <span aria-current="page" className="pagination__current">
                {p}
              </span>
            ) : (
              <Link href={href(p)} aria-label={`Page ${p}`}>
                {p}
              </Link>
            )}
          </li>
        ))}
        <li>{page < pageCount ? <Link href={href(page + 1)}>Next</Link> : <span className="muted">Next</span>}</li>
      </ul>
    </nav>
  );
}
