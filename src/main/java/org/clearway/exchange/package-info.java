/**
 * Data exchange: the read-only OGC API – Features at {@code /ogc} (GeoJSON, bbox, paging, datetime),
 * exports in the field's formats, and imports. Every read applies the caller's scope; anonymous callers
 * see published data only.
 */
package org.clearway.exchange;
