package org.leaddiversion.domain.consent;

import java.time.Clock;
import java.util.Collection;
import org.leaddiversion.domain.common.Require;

/**
 * Where disclosures are asked for: decides each request with the {@link DisclosurePolicy} at the injected clock's
 * instant and writes the decision, granted or refused, once to the {@link DisclosureLog}.
 */
public final class DisclosureDesk {

    private final DisclosurePolicy policy;
    private final DisclosureLog log;
    private final Clock clock;

    public DisclosureDesk(DisclosurePolicy policy, DisclosureLog log, Clock clock) {
        this.policy = Require.present(policy, "policy");
        this.log = Require.present(log, "log");
        this.clock = Require.present(clock, "clock");
    }

    /** Decides {@code request} now against the participant's {@code consents} and logs the decision. */
    public DisclosureDecision disclose(DisclosureRequest request, Collection<Consent> consents) {
        DisclosureDecision decision = policy.decide(request, consents, clock.instant());
        log.record(decision);
        return decision;
    }
}
