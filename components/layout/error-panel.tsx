import Link from "next/link";

/**
 * The body of a 403 or 404 page. Inside the signed-in layout it is a section of that layout's <main>;
 * on its own (an unknown address) it is the page's <main>.
 */
export function ErrorPanel({ title, body, link, standalone }: { title: string; body: string; link: { href: string; label: string }; standalone: boolean }) {
  const content = (
    <div className="card">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <Link href={link.href}>{link.label}</Link>
      </p>
    </div>
  );
  return standalone ? (
    <main id="main" className="signin">
      {content}
    </main>
  ) : (
    <div className="signin">{content}</div>
  );
}
