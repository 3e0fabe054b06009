/*
 * Plotting for the examples: vega-lite specs built by small helpers, rendered headlessly to SVG
 * by vega and to PNG by resvg.
 */
export { renderSvg, renderPng, savePlot } from './render';
export { lineChart, type LineChartOptions, type Series } from './line-chart';
export { heatmap, type HeatmapOptions, type LabelledPoint } from './heatmap';
export { panels } from './panels';
export { decisionGrid, type Grid } from './decision-grid';
export { barChart, type Bar } from './bar-chart';
