import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="signin">
      <div className="card">
        <h1>You cannot change this</h1>
        <p>Your role does not allow this action. Staff record updates only on proposals where they are a focal point.</p>
        <p>
          <Link href="/proposals">Back to the proposals</Link>
        </p>
      </div>
    </main>
  );
}
