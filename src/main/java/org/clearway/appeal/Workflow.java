package org.clearway.appeal;

import java.util.List;
import java.util.Set;

/**
 * The vetting workflow: which action moves a proposal from which states to which, and who may take it.
 * draft → submitted → under review → approved | revision requested | rejected; approved → published → closed;
 * a proposal not yet decided can be withdrawn by its organisation.
 */
public final class Workflow {

    /** Everything a user can be to a proposal. Computed by the service from the user's scope. */
    public record Relation(boolean owner, boolean reviewer, boolean manager) {

        public static final Relation NONE = new Relation(false, false, false);
    }

    public enum Who { OWNER, REVIEWER, MANAGER }

    public enum Action {
        SUBMIT(Set.of("DRAFT", "REVISION_REQUESTED"), "SUBMITTED", Who.OWNER),
        START_REVIEW(Set.of("SUBMITTED"), "UNDER_REVIEW", Who.REVIEWER),
        APPROVE(Set.of("UNDER_REVIEW"), "APPROVED", Who.REVIEWER),
        REQUEST_REVISION(Set.of("UNDER_REVIEW"), "REVISION_REQUESTED", Who.REVIEWER),
        REJECT(Set.of("UNDER_REVIEW"), "REJECTED", Who.REVIEWER),
        PUBLISH(Set.of("APPROVED"), "PUBLISHED", Who.MANAGER),
        CLOSE(Set.of("PUBLISHED"), "CLOSED", Who.MANAGER),
        WITHDRAW(Set.of("DRAFT", "SUBMITTED", "UNDER_REVIEW", "REVISION_REQUESTED"), "WITHDRAWN", Who.OWNER);

        private final Set<String> from;
        private final String to;
        private final Who who;

        Action(Set<String> from, String to, Who who) {
            this.from = from;
            this.to = to;
            this.who = who;
        }

        public Set<String> from() {
            return from;
        }

        public String to() {
            return to;
        }

        public Who who() {
            return who;
        }

        /** Decisions are taken with a review (scores and comment), not with a bare button. */
        public boolean isDecision() {
            return this == APPROVE || this == REQUEST_REVISION || this == REJECT;
        }
    }

    /** States in which the organisation (or a global coordinator) may still change the content. */
    public static final Set<String> EDITABLE = Set.of("DRAFT", "REVISION_REQUESTED");

    /** States visible to everyone signed in (donors included). */
    public static final Set<String> PUBLIC = Set.of("PUBLISHED", "CLOSED");

    public static final List<String> STATES = List.of("DRAFT", "SUBMITTED", "UNDER_REVIEW", "REVISION_REQUESTED", "APPROVED",
            "REJECTED", "PUBLISHED", "CLOSED", "WITHDRAWN");

    private Workflow() {
    }

    /**
     * Why the action is refused (a translation key), or null when it is allowed. The state is checked
     * first so the user learns what is wrong with the proposal before what is wrong with their role.
     */
    public static String refusal(Action action, String status, Relation relation) {
        if (!action.from().contains(status)) {
            return "error.proposal.transition";
        }
        boolean may = switch (action.who()) {
            case OWNER -> relation.owner();
            case REVIEWER -> relation.reviewer();
            case MANAGER -> relation.manager();
        };
        return may ? null : "error.proposal.not-allowed";
    }

    public static List<Action> available(String status, Relation relation) {
        return java.util.Arrays.stream(Action.values()).filter(a -> refusal(a, status, relation) == null).toList();
    }
}
