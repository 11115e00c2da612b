package org.clearway.appeal;

import java.io.Serial;
import java.util.List;
import org.clearway.common.ClearwayException;

/** Everything wrong with a proposal's input at once, checked before anything is written. */
public class ProposalValidationException extends ClearwayException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public ProposalValidationException(List<FieldError> errors) {
        super("error.proposal.invalid", String.valueOf(errors.size()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
