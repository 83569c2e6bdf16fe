// Makes the .docx byte-identical for the same report. docx writes the current time into core.xml and
// as the zip entries' modification times, names hyperlink relationships and the watermark with random
// ids, and numbers the contents' bookmarks from a counter shared by every document the process builds.
// This rewrites each of those from the report itself and zips the parts again with a fixed time.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/** W3CDTF timestamp without milliseconds: "2026-06-09T16:45:00Z". */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function fixCoreDates(xml: string, date: Date): string {
  return xml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_m, open: string, _name, close: string) => `${open}${w3cdtf(date)}${close}`,
  );
}

/** Renames random relationship ids (docx's "rId" + nanoid) to "rIdL1", "rIdL2"… in order, in a part and its rels. */
function fixRelationshipIds(part: string, rels: string): { part: string; rels: string } {
  const renamed = new Map<string, string>();
  const newRels = rels.replace(/\bId="([^"]+)"/g, (match, id: string) => {
    if (/^rId\d+$/.test(id)) return match;
    const name = `rIdL${renamed.size + 1}`;
    renamed.set(id, name);
    return `Id="${name}"`;
  });
  if (renamed.size === 0) return { part, rels };
  const newPart = part.replace(/\br:(id|embed|link)="([^"]+)"/g, (match, attribute: string, id: string) => {
    const name = renamed.get(id);
    return name ? `r:${attribute}="${name}"` : match;
  });
  return { part: newPart, rels: newRels };
}

/**
 * Numbers the contents' bookmarks 1, 2, 3… in order of first appearance. Only markup is matched (bookmark
 * elements, hyperlink anchors, PAGEREF field codes): text that happens to read "_Toc12" is escaped
 * content of a w:t element and never matches these patterns.
 */
function fixBookmarkIds(xml: string): string {
  const ids = new Map<string, number>();
  const idOf = (old: string) => {
    if (!ids.has(old)) ids.set(old, ids.size + 1);
    return ids.get(old)!;
  };
  return xml
    .replace(/<w:bookmark(?:Start|End)\b[^>]*>/g, (element) =>
      element.replace(/\b(w:id="|w:name="_Toc)(\d+)"/g, (_m, prefix: string, old: string) => `${prefix}${idOf(old)}"`),
    )
    .replace(/(\bw:anchor="_Toc|<w:instrText xml:space="preserve">PAGEREF _Toc)(\d+)/g, (_m, prefix: string, old: string) => `${prefix}${idOf(old)}`);
}

function fixWatermarkIds(xml: string): string {
  let n = 0;
  return xml.replace(/\bid="PowerPlusWaterMarkObject[^"]*"/g, () => `id="PowerPlusWaterMarkObject${++n}"`);
}

function relsPath(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Rewrites the XML parts that carry a time or an id docx chose; other parts are left as they are. */
function fixParts(files: Record<string, Uint8Array>, date: Date, transformDocument: (xml: string) => string): void {
  const text = (path: string) => strFromU8(files[path]!);
  if (files["docProps/core.xml"]) files["docProps/core.xml"] = strToU8(fixCoreDates(text("docProps/core.xml"), date));
  for (const path of Object.keys(files)) {
    if (!/^word\/[^/]+\.xml$/.test(path)) continue;
    let part = text(path);
    const rels = relsPath(path);
    if (files[rels]) {
      const fixed = fixRelationshipIds(part, text(rels));
      part = fixed.part;
      files[rels] = strToU8(fixed.rels);
    }
    if (path === "word/document.xml") part = transformDocument(fixBookmarkIds(part));
    if (/^word\/header\d+\.xml$/.test(path)) part = fixWatermarkIds(part);
    files[path] = strToU8(part);
  }
}

/**
 * The zip entries' time: the report's own moment (UTC wall-clock time). fflate reads a Date's local
 * fields, so the Date is built from the UTC ones to give the same bytes on a server in any time zone
 * (zip times have no zone; the exact moment is in core.xml).
 */
function zipTime(date: Date): Date {
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}

/**
 * The same package with its times set to `date` and docx's random ids made stable; `transformDocument`
 * gets the last say on word/document.xml (it fills the slots, after the ids are fixed: the XML it
 * adds holds no ids to fix, and the fixes need not scan it).
 */
export function stabilisePackage(zip: Uint8Array, date: Date, transformDocument: (xml: string) => string = (xml) => xml): Uint8Array {
  const files = unzipSync(zip);
  fixParts(files, date, transformDocument);
  const mtime = zipTime(date);
  const entries: Zippable = {};
  // PNG and JPEG are compressed already: stored as they are, which is faster and no larger.
  for (const [path, data] of Object.entries(files)) entries[path] = [data, { level: /\.(png|jpe?g|gif)$/.test(path) ? 0 : 6, mtime }];
  return zipSync(entries);
}
