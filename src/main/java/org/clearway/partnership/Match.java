package org.clearway.partnership;

import java.math.BigDecimal;

/** A proposed or agreed partnership between a request and an offer. */
public record Match(long id, long version, long requestId, String requestState, String requestTitle, long offerId, String provider,
                    BigDecimal score, String reason, String status) {
}
