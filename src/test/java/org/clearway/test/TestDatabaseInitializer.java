package org.clearway.test;

import org.clearway.db.PgCluster;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a Spring test context at the shared throwaway test cluster. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PgCluster cluster = TestDatabase.cluster();
        TestPropertyValues.of(
                "spring.datasource.url=" + cluster.jdbcUrl(),
                "spring.datasource.username=" + PgCluster.SUPERUSER,
                "spring.datasource.password=",
                "clearway.tiles.poll-ms=200").applyTo(context.getEnvironment());
    }
}
