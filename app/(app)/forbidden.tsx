import { headers } from "next/headers";
import { ErrorPanel } from "@/components/layout/error-panel";
import { forbiddenText } from "@/lib/domain/forbidden";

// A 403 inside the signed-in layout (which holds the page's <main>). The text speaks to what was tried:
// the proxy passes the path in a request header.
export default async function Forbidden() {
  return <ErrorPanel standalone={false} {...forbiddenText((await headers()).get("x-request-path"))} />;
}
