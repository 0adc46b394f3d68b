/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.Catchment;
import org.leaddiversion.domain.policy.DoorPolicy;
import org.leaddiversion.domain.policy.ExclusionSetting;
import org.leaddiversion.domain.policy.GeoPoint;
import org.leaddiversion.domain.policy.MalformedPolicyException;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyFile;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.workgroup.Agenda;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.PersistentProgramme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

/**
 * Sites: their policy versions (public reference data, read through the {@link PolicyCache}), publishing a new
 * version from its policy file, the Operational Work Group agenda (participant data, through the audited
 * {@link ParticipantRecords#agenda}) and the case managers' caseloads (staff workload).
 */
@Controller
class SiteController {

    private static final Logger LOG = LoggerFactory.getLogger(SiteController.class);

    /** Longest policy file accepted, in characters (the longest reference profile has under 10,000). */
    static final int MAX_POLICY_FILE_CHARS = 200_000;

    /** Most items members may flag for one meeting, and the longest text of one. */
    static final int MAX_FLAGGED = 100;
    static final int MAX_FLAGGED_CHARS = 500;

    /**
     * Who sees caseloads: the roles that assign them (the project manager, and a case manager taking a participant
     * onto her own caseload, SPEC §6.4) — staff workload, outside the participant-data matrix of SPEC §2.2.
     */
    static final Set<Role> CASELOAD_READERS = EnumSet.of(Role.PROJECT_MANAGER, Role.CASE_MANAGER);

    private final PolicyCache policies;
    private final PersistentProgramme programme;
    private final ParticipantRecords records;
    private final Clock clock;
    private final Set<Role> publishers;

    SiteController(PolicyCache policies, PersistentProgramme programme, ParticipantRecords records, Clock clock,
                   LeadGraphQlProperties properties) {
        this.policies = policies;
        this.programme = programme;
        this.records = records;
        this.clock = clock;
        this.publishers = properties.policyPublisherRoles();
    }

    // ---- sites and policy versions --------------------------------------------------------------------------------

    /** A site as its stored policy history describes it. */
    record SiteView(String id, String name, String zone, int latestVersion, SitePolicyHistory history) {
        static SiteView of(SitePolicyHistory history) {
            SitePolicy latest = history.latest();
            return new SiteView(history.siteId().value(), latest.siteName(), history.zone().getId(), latest.version(),
                    history);
        }
    }

    @QueryMapping
    List<SiteView> sites() {
        return policies.sites().stream().map(policies::history).flatMap(Optional::stream).map(SiteView::of).toList();
    }

    @QueryMapping
    Optional<SiteView> site(@Argument String id) {
        return policies.history(siteId(id, "id")).map(SiteView::of);
    }

    @QueryMapping
    Optional<SitePolicy> sitePolicy(@Argument String site, @Argument Instant at) {
        return policies.inForceAt(siteId(site, "site"), at == null ? clock.instant() : at);
    }

    @QueryMapping
    List<SitePolicy> sitePolicyVersions(@Argument String site) {
        return policies.history(siteId(site, "site")).map(SitePolicyHistory::versions).orElse(List.of());
    }

    @SchemaMapping(typeName = "Site")
    Optional<SitePolicy> policyInForce(SiteView site, @Argument Instant at) {
        return site.history().inForceAt(at == null ? clock.instant() : at);
    }

    @SchemaMapping(typeName = "Site")
    List<SitePolicy> versions(SiteView site) {
        return site.history().versions();
    }

    @SchemaMapping(typeName = "Site")
    String policyFile(SiteView site) {
        return SitePolicyFile.format(site.history());
    }

    // ---- a policy version's parts that the domain keeps as maps, or in the site's local time -----------------------

    /** A diversion window as instants on the time line. */
    record DiversionWindowView(Instant start, Instant end) {
    }

    /** A drawn catchment area with its name. */
    record CatchmentPolygon(String name, List<GeoPoint> vertices) {
    }

    /** The office reviewing diverted cases of one level. */
    record ChargeRoute(OffenceLevel level, String office) {
    }

    @SchemaMapping(typeName = "SitePolicy", field = "site")
    String policySite(SitePolicy policy) {
        return policy.siteId().value();
    }

    @SchemaMapping(typeName = "SitePolicy")
    Collection<DoorPolicy> doors(SitePolicy policy) {
        return policy.doors().values();
    }

    @SchemaMapping(typeName = "SitePolicy")
    List<DiversionWindowView> diversionWindows(SitePolicy policy) {
        return policy.diversionWindows().stream().map(w -> new DiversionWindowView(
                w.start().atZone(policy.zone()).toInstant(), w.end().atZone(policy.zone()).toInstant())).toList();
    }

    @SchemaMapping(typeName = "SitePolicy")
    Collection<ExclusionSetting> exclusions(SitePolicy policy) {
        return policy.exclusions().values();
    }

    @SchemaMapping(typeName = "SitePolicy")
    List<ChargeRoute> chargeRouting(SitePolicy policy) {
        return policy.chargeRouting().entrySet().stream()
                .map(e -> new ChargeRoute(e.getKey(), e.getValue())).toList();
    }

    @SchemaMapping(typeName = "Catchment")
    List<CatchmentPolygon> polygons(Catchment catchment) {
        return catchment.polygons().entrySet().stream()
                .map(e -> new CatchmentPolygon(e.getKey(), e.getValue().vertices())).toList();
    }

    @SchemaMapping(typeName = "Exclusion")
    String id(ExclusionSetting exclusion) {
        return exclusion.kind().id();
    }

    @SchemaMapping(typeName = "Exclusion")
    RuleId rule(ExclusionSetting exclusion) {
        return exclusion.kind().rule();
    }

    // ---- publishing a version -------------------------------------------------------------------------------------

    /** The site and its policy file. */
    record PublishPolicyVersionInput(String site, String policyFile) {
    }

    /** The version published, or why it was refused. */
    record PolicyVersionPayload(SitePolicy policy, List<Commands.UserError> errors) {
    }

    @MutationMapping
    DataFetcherResult<PolicyVersionPayload> publishPolicyVersion(@Argument PublishPolicyVersionInput input,
                                                                 DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        SiteId site = siteId(input.site(), "input.site");
        String text = Commands.required(input.policyFile(), "input.policyFile");
        if (text.length() > MAX_POLICY_FILE_CHARS) {
            throw new InvalidValueException("input.policyFile", "is longer than " + MAX_POLICY_FILE_CHARS
                    + " characters");
        }
        Role role = viewer.actor().role();
        if (!publishers.contains(role)) {
            return refused(ErrorCode.NOT_AUTHORISED, "actor.role", null,
                    "site policy versions are published by " + publishers + " (lead.graphql.policy-publishers)");
        }
        SitePolicyHistory file;
        try {
            file = SitePolicyFile.parse("policyFile", text);
        } catch (MalformedPolicyException e) {
            return unreadable(env, e.line(), e.key(), e.reason());
        } catch (InvalidValueException e) {
            return unreadable(env, 0, e.field(), e.reason());
        }
        if (!file.siteId().equals(site)) {
            throw new InvalidValueException("input.site", "is not the site.id of the policy file");
        }
        Optional<SitePolicyHistory> stored = policies.stored(site);
        if (stored.isEmpty()) {
            // a new site arrives whole: its history, past versions included (no referral can predate it)
            policies.put(file);
            return published(site, role);
        }
        SitePolicyHistory current = stored.get();
        int publishedVersions = current.versions().size();
        for (SitePolicy version : current.versions()) {
            Optional<SitePolicy> inFile = file.version(version.version());
            if (inFile.isEmpty() || !inFile.get().equals(version)) {
                return refused(ErrorCode.ALREADY_RECORDED, "input.policyFile", RuleId.R40, "version "
                        + version.version() + " (in force from " + version.effectiveFrom() + ") is published "
                        + (inFile.isEmpty() ? "and missing from the file" : "and the file changes it")
                        + ": a published version never changes; the file carries every published version as it "
                        + "is and adds the change as a new version");
            }
        }
        int added = file.versions().size() - publishedVersions;
        if (added == 0) {
            return refused(ErrorCode.ALREADY_RECORDED, "input.policyFile", RuleId.R40,
                    "every version of the file is already published; add [version " + (publishedVersions + 1)
                            + "] to publish a change");
        }
        if (added > 1) {
            throw new InvalidValueException("input.policyFile", "adds " + added
                    + " versions; publish one new version at a time");
        }
        SitePolicy next = file.latest();
        try {
            policies.append(next);
        } catch (InvalidValueException e) {
            if (!e.field().equals("effectiveFrom")) {
                throw new InvalidValueException("input.policyFile", e.field() + ": " + e.reason());
            }
            // the domain's rule (SitePolicyHistory.append): never retroactive
            return refused(ErrorCode.INVALID_TIMESTAMP, "input.policyFile", RuleId.R40, "[version "
                    + next.version() + "] effectiveFrom " + next.effectiveFrom() + ": " + e.reason());
        }
        return published(site, role);
    }

    private DataFetcherResult<PolicyVersionPayload> published(SiteId site, Role role) {
        SitePolicy latest = policies.history(site).orElseThrow().latest();
        LOG.info("Site {} published policy version {} (by a {})", site, latest.version(), role);
        return DataFetcherResult.<PolicyVersionPayload>newResult()
                .data(new PolicyVersionPayload(latest, List.of())).build();
    }

    private static DataFetcherResult<PolicyVersionPayload> refused(ErrorCode code, String field, RuleId rule,
                                                                   String message) {
        return DataFetcherResult.<PolicyVersionPayload>newResult()
                .data(new PolicyVersionPayload(null, List.of(new Commands.UserError(code, field, rule, message))))
                .build();
    }

    /** A file that cannot be read: BAD_REQUEST on the input, naming the file's line and key. */
    private static DataFetcherResult<PolicyVersionPayload> unreadable(DataFetchingEnvironment env, int line,
                                                                      String key, String reason) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("field", "input.policyFile");
        if (line > 0) {
            extensions.put("line", line);
        }
        if (key != null) {
            extensions.put("key", key);
        }
        String where = (line > 0 ? "line " + line + ", " : "") + (key != null ? key + ": " : "");
        return DataFetcherResult.<PolicyVersionPayload>newResult()
                .error(GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST)
                        .message("input.policyFile: " + where + reason).extensions(extensions).build())
                .build();
    }

    // ---- the Operational Work Group agenda ------------------------------------------------------------------------

    @QueryMapping
    DataFetcherResult<Optional<Agenda>> workgroupAgenda(@Argument String site, @Argument String precinct,
                                                        @Argument Instant at, @Argument Instant previousMeeting,
                                                        @Argument Instant nextMeeting,
                                                        @Argument List<String> flagged,
                                                        DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        SiteId id = siteId(site, "site");
        Optional<AreaId> area = Optional.ofNullable(precinct).map(p -> {
            try {
                return AreaId.of(p.trim());
            } catch (InvalidValueException e) {
                throw new InvalidValueException("precinct", e.reason());
            }
        });
        List<String> items = flagged == null ? List.of() : flagged;
        if (items.size() > MAX_FLAGGED) {
            throw new InvalidValueException("flagged", "lists more than " + MAX_FLAGGED + " items");
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isBlank() || items.get(i).length() > MAX_FLAGGED_CHARS) {
                throw new InvalidValueException("flagged." + i, "must be text of 1 to " + MAX_FLAGGED_CHARS
                        + " characters");
            }
        }
        try {
            return ParticipantLoaders.result(records.agenda(viewer.reader(), id, area, at,
                    Optional.ofNullable(previousMeeting), Optional.ofNullable(nextMeeting), items), env);
        } catch (InvalidValueException e) {
            // the meeting's window, named as the arguments name it
            String field = switch (e.field()) {
                case "meeting.previousAt" -> "previousMeeting";
                case "meeting.nextAt" -> "nextMeeting";
                default -> e.field();
            };
            throw field.equals(e.field()) ? e : new InvalidValueException(field, e.reason());
        }
    }

    @SchemaMapping(typeName = "AgendaItem")
    ParticipantController.ParticipantRef participant(Agenda.Item item) {
        return item.person().map(ParticipantController.ParticipantRef::new).orElse(null);
    }

    // ---- caseloads -------------------------------------------------------------------------------------------------

    /** A site's caseloads against the cap and target of one policy version. */
    record SiteCaseloads(String site, int policyVersion, int cap, int target,
                         List<CaseManagerCaseload> caseManagers) {
    }

    /** One case manager's open caseload against the cap and target. */
    record CaseManagerCaseload(String caseManager, int openCaseload, int placesLeft, boolean atTarget,
                               boolean overCap) {
    }

    @QueryMapping
    SiteCaseloads caseloads(@Argument String site, DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        if (!CASELOAD_READERS.contains(viewer.actor().role())) {
            throw new ErrorClassifier.Forbidden("caseloads are seen by the project manager and case managers");
        }
        SiteId id = siteId(site, "site");
        SitePolicy policy = policies.inForceAt(id, clock.instant()).orElseThrow(() ->
                new InvalidValueException("site", "no policy version of the site is in force now"));
        int cap = policy.caseload().cap();
        int target = policy.caseload().target();
        List<CaseManagerCaseload> caseManagers = new ArrayList<>();
        programme.openCaseloads(id).forEach((cm, n) -> caseManagers.add(new CaseManagerCaseload(cm.value(), n, Math.max(0, cap - n),
                n >= target, n > cap)));
        return new SiteCaseloads(id.value(), policy.version(), cap, target, caseManagers);
    }

    // ---- inputs ----------------------------------------------------------------------------------------------------

    /** The site an argument names, or a {@code BAD_REQUEST} naming the argument. */
    private static SiteId siteId(String value, String field) {
        try {
            return new SiteId(Commands.required(value, field).trim());
        } catch (InvalidValueException e) {
            throw e.field().equals(field) ? e : new InvalidValueException(field, e.reason());
        }
    }
}
