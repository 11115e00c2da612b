package org.clearway.dashboard.ui;

import com.vaadin.flow.component.select.Select;
import java.time.Year;

/** The plan year of a dashboard: this year and the two before. */
class YearSelect extends Select<Integer> {

    YearSelect(String id, int yearsBack) {
        int thisYear = Year.now().getValue();
        setLabel(getTranslation("map.filter.year"));
        setItems(thisYear - 2, thisYear - 1, thisYear);
        setValue(thisYear - yearsBack);
        setId(id);
    }
}
