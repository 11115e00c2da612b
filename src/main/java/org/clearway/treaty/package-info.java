/**
 * Treaty status of every state (APMBC, CCM, CCW with Amended Protocol II and Protocol V, CRPD), each fact
 * with its source and "as of" date, APMBC Article 5 deadlines and extensions; coordinators correct facts
 * (audited). State profiles link a state's sub-cluster, hazards, casualties and proposals.
 */
package org.clearway.treaty;
