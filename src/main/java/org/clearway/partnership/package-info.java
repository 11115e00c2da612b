/**
 * The APMBC partnership platform: states seeking assistance post requests, states and organisations
 * able to help post offers; Clearway ranks offers for each request (theme, geographic overlap, timing,
 * remaining budget) with the reason shown, and the committee moves matches to delivery.
 */
package org.clearway.partnership;
