import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="signin">
      <div className="card">
        <h1>Page not found</h1>
        <p>The page or record you asked for does not exist, or you do not have access to it.</p>
        <p>
          <Link href="/dashboard">Go to the dashboard</Link>
        </p>
      </div>
    </main>
  );
}
