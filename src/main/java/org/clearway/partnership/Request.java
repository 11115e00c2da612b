package org.clearway.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A state's request for assistance. */
public record Request(long id, String iso3, String state, String theme, String title, BigDecimal amountSoughtUsd, LocalDate periodStart,
                      LocalDate periodEnd, String status, boolean synthetic) {
}
