/** A view's export buttons (markup): SVG, as drawn, and PNG, rasterised in the page (docs/explore.md "Share and export"). */
export function exportButtons(view: string): string {
  return `<button type="button" class="export" id="export-${view}" aria-label="Export this view as SVG">SVG</button>`
    + ` <button type="button" class="export" id="export-png-${view}" aria-label="Export this view as PNG">PNG</button>`;
}
