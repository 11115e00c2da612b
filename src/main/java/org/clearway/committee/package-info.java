/**
 * The APMBC Committee on the Enhancement of Cooperation and Assistance: its mandate (seed page),
 * members with overlapping two-year terms, chairs, and the composition rules enforced on every edit.
 */
package org.clearway.committee;
