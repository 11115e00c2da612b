/**
 * APMBC action plans (Oslo Action Plan 2020-2024, Siem Reap-Angkor Action Plan 2025-2029): actions by
 * section, and per state and year the progress reported on each action; the state x section matrix and
 * per-action views the committee uses for its preliminary observations.
 */
package org.clearway.actionplan;
