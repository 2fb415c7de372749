import type { VegaLiteSpec } from './VegaLiteSpec.js';

/** One chart of a report: its Vega-Lite spec (data inline) with the words that go with it. */
export interface ReportChart {
  /** A stable identifier, also the name of its exported figure (`figures/<id>.svg`). */
  id: string;
  title: string;
  /** What the chart shows and how to read it (one short paragraph). */
  caption: string;
  /** The Vega-Lite spec, with its data inline. */
  spec: VegaLiteSpec;
  /** Whether the chart is one of the main figures exported as SVG for papers. */
  figure: boolean;
}

/** A whole report: the page's text and its charts, ready to render as HTML. */
export interface ReportDocument {
  title: string;
  /** A line under the title (what was run). */
  subtitle: string;
  /** The scenario's description. */
  description: string;
  /** The scenario's sources, one citation each. */
  sources: string[];
  /** Run or sweep parameters as label–value pairs (seed, ticks, years, perception model, …). */
  parameters: [string, string][];
  /** The short text summary, one sentence or list item per entry. */
  summary: string[];
  charts: ReportChart[];
  /** The data files the report was built from, with what each holds. */
  files: { name: string; description: string }[];
}
