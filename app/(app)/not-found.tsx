import { ErrorPanel } from "@/components/layout/error-panel";
import { NOT_FOUND_TEXT } from "@/lib/domain/forbidden";

// A 404 inside the signed-in layout, which holds the page's <main>.
export default function NotFound() {
  return <ErrorPanel standalone={false} {...NOT_FOUND_TEXT} />;
}
