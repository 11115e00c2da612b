package org.clearway.data;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On start, after Flyway and before the web server opens (so health is UP only with the data in
 * place): reference facts if their files changed, then the demo data if enabled and not loaded yet.
 */
@Component
class DataBootstrap implements SmartInitializingSingleton {

    private final ReferenceDataLoader reference;
    private final DemoDataLoader demo;
    private final boolean demoEnabled;

    DataBootstrap(ReferenceDataLoader reference, DemoDataLoader demo, @Value("${clearway.demo-data:true}") boolean demoEnabled) {
        this.reference = reference;
        this.demo = demo;
        this.demoEnabled = demoEnabled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        reference.load();
        if (demoEnabled) {
            demo.loadIfMissing();
        }
    }
}
