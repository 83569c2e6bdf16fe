"use client";

import { useEffect, useState, type RefObject } from "react";
import { flushSync } from "react-dom";

/** What an A4 page leaves between the stylesheet's margins (210 mm − 2 × 16 mm), in CSS px (96 per inch). */
const A4_PRINTABLE_WIDTH = Math.floor(((210 - 2 * 16) / 25.4) * 96);

/**
 * While the page prints, the width to draw a chart at; null on screen. A chart drawn for a wide screen
 * would otherwise be shrunk to the paper by the print styles, its text with it. The chart keeps its share
 * of the main column (half the column on screen, half the printable width). `beforeprint` comes before the
 * browser lays the page out for paper, and flushSync draws the chart again before it does.
 */
export function usePrintWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const onBeforePrint = () => {
      const box = ref.current;
      const main = box?.closest("main");
      if (!box || !main) return;
      const style = getComputedStyle(main);
      const column = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const share = column > 0 ? Math.min(1, box.clientWidth / column) : 1;
      flushSync(() => setWidth(Math.floor(share * A4_PRINTABLE_WIDTH)));
    };
    const onAfterPrint = () => setWidth(null);
    window.addEventListener("beforeprint", onBeforePrint);
    window.addEventListener("afterprint", onAfterPrint);
    return () => {
      window.removeEventListener("beforeprint", onBeforePrint);
      window.removeEventListener("afterprint", onAfterPrint);
    };
  }, [ref]);
  return width;
}
