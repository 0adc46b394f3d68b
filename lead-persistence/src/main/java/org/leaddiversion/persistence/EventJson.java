/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.HashMap;
import java.util.Map;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.consent.DisclosureEvent;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.plan.PlanEvent;
import org.leaddiversion.domain.prosecution.ProsecutionEvent;
import org.leaddiversion.domain.screening.Finding;
import org.leaddiversion.domain.workgroup.WorkgroupEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Domain events as JSON for the event log and outbox: each event record's components as properties, its type as
 * {@link DomainEvent#type()}. Every event type the domain defines is known by name (the permitted records of the
 * sealed event interfaces); an unknown name is a corrupt row, not a guess.
 *
 * <p>Type names are unique across the families (checked when the class loads), so a row's type names exactly one
 * record. Screening findings inside events map through {@link ReferralJson.FindingMixIn}.
 */
final class EventJson {

    private static final Map<String, Class<? extends DomainEvent>> TYPES = new HashMap<>();

    static {
        for (Class<?> family : new Class<?>[] {ReferralEvent.class, EnrollmentEvent.class, PlanEvent.class,
                ProsecutionEvent.class, DisclosureEvent.class, WorkgroupEvent.class}) {
            for (Class<?> type : family.getPermittedSubclasses()) {
                Class<?> clash = TYPES.put(type.getSimpleName(), type.asSubclass(DomainEvent.class));
                if (clash != null) {
                    throw new IllegalStateException("two event types are named " + type.getSimpleName() + ": "
                            + clash.getName() + " and " + type.getName());
                }
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
        Class<? extends DomainEvent> cls = TYPES.get(type);
        if (cls == null) {
            throw new IllegalStateException("unknown event type " + type + " in the event log");
        }
        return mapper.readValue(json, cls);
    }

    /** Whether {@code type} is an event type this library defines. */
    static boolean knows(String type) {
        return TYPES.containsKey(type);
    }
}
