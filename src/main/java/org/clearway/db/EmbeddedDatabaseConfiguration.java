package org.clearway.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: when no {@code spring.datasource.url} is configured, Clearway runs its own
 * PostgreSQL + PostGIS cluster under {@code clearway.data-dir}/postgres, started with the app and
 * stopped with it. The data stays in the folder across restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    PgCluster embeddedPostgres(@Value("${clearway.data-dir}") Path dataDir,
                               @Value("${clearway.embedded.port:0}") int port,
                               @Value("${clearway.embedded.throwaway:false}") boolean throwaway) {
        return new PgCluster(dataDir.resolve("postgres"), port, throwaway);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(PgCluster cluster) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(cluster.jdbcUrl());
        dataSource.setUsername(PgCluster.SUPERUSER);
        dataSource.setPassword(cluster.password());
        dataSource.setPoolName("clearway-embedded");
        return dataSource;
    }
}
