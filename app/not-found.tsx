import { ErrorPanel } from "@/components/layout/error-panel";
import { NOT_FOUND_TEXT } from "@/lib/domain/forbidden";

export default function NotFound() {
  return <ErrorPanel standalone {...NOT_FOUND_TEXT} />;
}
