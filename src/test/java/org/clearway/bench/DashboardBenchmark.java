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
            Arrays.sort(ms);
            System.out.printf("global dashboard, all 9 queries, %d rounds: p50 %.1f ms, p95 %.1f ms (target p95 <= 100 ms)%n",
                    rounds, ms[rounds / 2], ms[(int) Math.ceil(rounds * 0.95) - 1]);
        }
    }
}
