/**
 * Humanitarian appeal proposals: entry with budget, targets and locations, the vetting workflow of
 * each sub-cluster (reviews scored against its criteria), funding flows (FTS style) and the
 * deconfliction warning shown when it matters. Every rule is enforced here, not in the views.
 */
package org.clearway.appeal;
