package org.clearway.subcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearway.jooq.Tables.AUDIT_EVENT;

import org.clearway.common.AccessRefusedException;
import org.clearway.common.ClearwayException;
import org.clearway.common.ConcurrentEditException;
import org.clearway.test.AsUser;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Scope is enforced in the service: leads change their own sub-cluster only, donors nothing. Writes are audited. */
@ClearwayTest
class SubclusterServiceIT {

    @Autowired
    SubclusterService service;
    @Autowired
    UserDetailsService users;
    @Autowired
    DSLContext db;

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    private Subcluster of(String iso3) {
        return service.list().stream().filter(s -> s.iso3().equals(iso3)).findFirst().orElseThrow();
    }

    @Test
    void every_signed_in_user_sees_the_real_and_demo_subclusters() {
        AsUser.login(users, "donor");
        var all = service.list();
        assertThat(all).extracting(Subcluster::iso3).contains("UKR", "YEM", "SDN", "AFG", "SYR");
        Subcluster ukraine = of("UKR");
        assertThat(ukraine.leadOrganisation()).isEqualTo("United Nations Development Programme");
        assertThat(ukraine.synthetic()).as("Ukraine's MA AoR is a sourced fact").isFalse();
        assertThat(ukraine.source()).isNotBlank().doesNotStartWith("demo");
        assertThat(of("YEM").synthetic()).as("Yemen's row is a demo assumption").isTrue();
    }

    @Test
    void anonymous_callers_are_refused() {
        assertThatThrownBy(() -> service.list()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_lead_changes_their_own_subcluster_and_the_change_is_audited() {
        AsUser.login(users, "lead.ukraine");
        Subcluster before = of("UKR");
        long auditsBefore = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY.eq("subcluster"));
        service.updateCoordinator(before.id(), before.version(), "Olena Demo (synthetic)", "olena@example.org");

        Subcluster after = of("UKR");
        assertThat(after.coordinatorName()).isEqualTo("Olena Demo (synthetic)");
        assertThat(after.version()).isEqualTo(before.version() + 1);
        var event = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY.eq("subcluster"))
                .orderBy(AUDIT_EVENT.AUDIT_EVENT_ID.desc()).limit(1).fetchSingle();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY.eq("subcluster"))).isEqualTo(auditsBefore + 1);
        assertThat(event.getActor()).isEqualTo("lead.ukraine");
        assertThat(event.getEntityId()).isEqualTo(Long.toString(before.id()));
        assertThat(event.getBeforeState().data()).contains(before.coordinatorName()).contains("not kept in the audit log");
        assertThat(event.getAfterState().data()).contains("Olena Demo (synthetic)");
    }

    @Test
    void a_lead_cannot_change_another_subcluster() {
        AsUser.login(users, "lead.yemen");
        Subcluster ukraine = of("UKR");
        assertThatThrownBy(() -> service.updateCoordinator(ukraine.id(), ukraine.version(), "Intruder", null))
                .isInstanceOf(AccessRefusedException.class)
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.access.subcluster");
        assertThat(of("UKR").coordinatorName()).isNotEqualTo("Intruder");
        assertThat(service.canEdit(ukraine.id())).isFalse();
        assertThat(service.canEdit(of("YEM").id())).isTrue();
    }

    @Test
    void a_donor_cannot_write_even_where_a_global_coordinator_can() {
        AsUser.login(users, "donor");
        Subcluster sudan = of("SDN");
        assertThatThrownBy(() -> service.updateCoordinator(sudan.id(), sudan.version(), "Donor edit", null))
                .isInstanceOf(AccessRefusedException.class);
        AsUser.login(users, "coordinator");
        service.updateCoordinator(sudan.id(), sudan.version(), "Global edit (synthetic)", null);
        assertThat(of("SDN").coordinatorName()).isEqualTo("Global edit (synthetic)");
    }

    @Test
    void a_stale_version_is_refused_instead_of_overwriting() {
        AsUser.login(users, "coordinator");
        Subcluster somalia = of("SOM");
        service.updateCoordinator(somalia.id(), somalia.version(), "First save (synthetic)", null);
        assertThatThrownBy(() -> service.updateCoordinator(somalia.id(), somalia.version(), "Second save", null))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(of("SOM").coordinatorName()).isEqualTo("First save (synthetic)");
    }

    @Test
    void invalid_input_is_refused_with_a_translatable_reason_and_nothing_is_written() {
        AsUser.login(users, "coordinator");
        Subcluster iraq = of("IRQ");
        assertThatThrownBy(() -> service.updateCoordinator(iraq.id(), iraq.version(), "X", null))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.subcluster.coordinator-name");
        assertThatThrownBy(() -> service.updateCoordinator(iraq.id(), iraq.version(), "Valid Name", "not-an-email"))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.email.invalid");
        assertThat(of("IRQ").version()).isEqualTo(iraq.version());
    }
}
