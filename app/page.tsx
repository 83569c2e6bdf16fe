import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { landingPath } from "@/lib/domain/permissions";

/** The landing page of each role: staff start from what they owe, the others from the dashboard. */
export default async function Home() {
  const user = await getCurrentUser();
  redirect(user ? landingPath(user) : "/signin");
}
