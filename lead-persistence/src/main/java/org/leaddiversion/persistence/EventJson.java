package org.leaddiversion.persistence;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.consent.DisclosureEvent;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.plan.PlanEvent;
import org.leaddiversion.domain.prosecution.ProsecutionEvent;
import org.leaddiversion.domain.screening.Finding;
import org.leaddiversion.domain.workgroup.WorkgroupEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Domain events as JSON for the event log and outbox: each event record's components as properties, its type as
 * {@link DomainEvent#type()}. Every event type the domain defines is known by name (the permitted records of the
 * sealed event interfaces); an unknown name is a corrupt row, not a guess.
 *
 * <p>Two families may use the same name ({@code ReferralEvent.ConsentRecorded} and
 * {@code DisclosureEvent.ConsentRecorded}): such a row is read as the one type of that name whose components are
 * exactly the payload's properties. Screening findings inside events map through {@link ReferralJson.FindingMixIn}.
 */
final class EventJson {

    private static final Map<String, List<Class<? extends DomainEvent>>> TYPES = new HashMap<>();

    static {
        for (Class<?> family : new Class<?>[] {ReferralEvent.class, EnrollmentEvent.class, PlanEvent.class,
                ProsecutionEvent.class, DisclosureEvent.class, WorkgroupEvent.class}) {
            for (Class<?> type : family.getPermittedSubclasses()) {
                TYPES.computeIfAbsent(type.getSimpleName(), k -> new ArrayList<>())
                        .add(type.asSubclass(DomainEvent.class));
            }
        }
    }

    private final JsonMapper mapper = JsonMapper.builder()
            .addMixIn(Finding.class, ReferralJson.FindingMixIn.class)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String write(DomainEvent event) {
        return mapper.writeValueAsString(event);
    }

    DomainEvent read(String type, String json) {
        List<Class<? extends DomainEvent>> candidates = TYPES.get(type);
        if (candidates == null) {
            throw new IllegalStateException("unknown event type " + type + " in the event log");
        }
        if (candidates.size() == 1) {
            return mapper.readValue(json, candidates.get(0));
        }
        JsonNode tree = mapper.readTree(json);
        Set<String> properties = new HashSet<>(tree.propertyNames());
        for (Class<? extends DomainEvent> cls : candidates) {
            Set<String> components = new HashSet<>();
            for (RecordComponent c : cls.getRecordComponents()) {
                components.add(c.getName());
            }
            if (components.equals(properties)) {
                return mapper.treeToValue(tree, cls);
            }
        }
        throw new IllegalStateException("event type " + type + " in the event log matches none of " + candidates);
    }

    /** Whether {@code type} is an event type this library defines. */
    static boolean knows(String type) {
        return TYPES.containsKey(type);
    }
}
