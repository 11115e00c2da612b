/**
 * Geneva donor briefings: a pack (PDF, A4 landscape) and a full-screen presentation with the same content —
 * key figures and funding from the dashboards' queries, a map per country drawn from PostGIS, treaty status,
 * partnership needs versus offers, and the coordinator's narrative.
 */
package org.clearway.briefing;
