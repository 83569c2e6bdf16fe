import { AdminNav } from "@/components/admin/admin-nav";

/** The admin section: its navigation above every page. Each page checks the session and role itself. */
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
