package org.clearway.bench;

import java.time.Year;
import java.util.Arrays;
import org.clearway.dashboard.query.DashboardFilter;
import org.clearway.dashboard.query.DashboardQuery;
import org.clearway.db.PgCluster;
import org.clearway.security.ClearwayPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Server time of the whole global dashboard (every query of /dashboard) on the bench database. */
final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    static void run(PgCluster cluster, int rounds) {
        try (var app = Bench.app(cluster, java.util.Map.of())) {
            ClearwayPrincipal coordinator = (ClearwayPrincipal) app.getBean(UserDetailsService.class).loadUserByUsername("coordinator");
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(coordinator, null, coordinator.getAuthorities()));
            DashboardQuery query = app.getBean(DashboardQuery.class);
            int year = Year.now().getValue();
            double[] ms = new double[rounds];
            for (int i = -3; i < rounds; i++) { // three warm-up rounds
                DashboardFilter f = new DashboardFilter(year - (i & 1), null, null, false);
                long t = System.nanoTime();
                query.figures(f);
                query.fundingBySubcluster(f);
                query.fundingTrend(f);
                query.proposalsByStatus(f);
                query.peopleTargeted(f);
                query.contamination(f);
                query.casualties(f);
                query.fundingFlows(f);
                query.apmbcParties();
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
            }
            DashboardFilter f = new DashboardFilter(year, null, null, false);
            java.util.Map<String, Runnable> parts = new java.util.LinkedHashMap<>();
            parts.put("figures", () -> query.figures(f));
            parts.put("fundingBySubcluster", () -> query.fundingBySubcluster(f));
            parts.put("fundingTrend", () -> query.fundingTrend(f));
            parts.put("proposalsByStatus", () -> query.proposalsByStatus(f));
            parts.put("peopleTargeted", () -> query.peopleTargeted(f));
            parts.put("contamination", () -> query.contamination(f));
            parts.put("casualties", () -> query.casualties(f));
            parts.put("fundingFlows", () -> query.fundingFlows(f));
            parts.put("apmbcParties", query::apmbcParties);
            parts.forEach((name, work) -> {
                long t = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    work.run();
                }
                System.out.printf("  %-22s %8.1f ms (mean of 5)%n", name, (System.nanoTime() - t) / 5e6);
            });
            Arrays.sort(ms);
            System.out.printf("global dashboard, all 9 queries, %d rounds: p50 %.1f ms, p95 %.1f ms (target p95 <= 100 ms)%n",
                    rounds, ms[rounds / 2], ms[(int) Math.ceil(rounds * 0.95) - 1]);
        }
    }
}
