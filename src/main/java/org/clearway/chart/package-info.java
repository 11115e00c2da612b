/**
 * Our own Apache ECharts add-on for Vaadin Flow: the {@code <cw-chart>} Lit element
 * (frontend/components/cw-chart.ts) and its Java twin {@link org.clearway.chart.CwChart}, with a small
 * typed API ({@link org.clearway.chart.Charts}) for the charts Clearway uses, a raw-JSON escape hatch,
 * click events for drill-down, "save as image" and an accessible data table. It depends on nothing
 * else in Clearway, so it can be lifted out as a separate artifact.
 */
package org.clearway.chart;
