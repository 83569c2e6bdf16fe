import { headers } from "next/headers";
import { ErrorPanel } from "@/components/layout/error-panel";
import { forbiddenText } from "@/lib/domain/forbidden";

// A 403 outside the signed-in pages. The text speaks to what was tried (the proxy passes the path).
export default async function Forbidden() {
  return <ErrorPanel standalone {...forbiddenText((await headers()).get("x-request-path"))} />;
}
