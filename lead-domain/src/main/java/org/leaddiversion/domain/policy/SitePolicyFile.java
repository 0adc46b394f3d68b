/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Role;

/**
 * Reads a site's policy history from the plain-text policy format, with no third-party parser.
 *
 * <pre>
 * # comment
 * site.id   = santa-fe
 * site.name = LEAD Santa Fe
 * site.zone = America/Denver
 *
 * [version 1]
 * effectiveFrom    = 2014-06-01 (derived)   # a trailing "(derived)" marks a value no source states
 * doors            = ARREST_DIVERSION, SOCIAL_CONTACT
 * intake.deadlineDays = 7
 *
 * [version 2]                               # a later version repeats only what changed
 * effectiveFrom    = 2016-01-01
 * intake.deadlineDays = 14
 * </pre>
 *
 * <p>Each version inherits every key of the version before it; an empty value ({@code key =}) clears an
 * inherited list or optional value. Unknown keys, duplicate keys, bad values and invalid combinations are rejected
 * with a {@link MalformedPolicyException} naming the file, line, key and reason. The keys are documented in
 * {@code docs/configuring-a-site.md}.
 */
public final class SitePolicyFile {

    private static final String DERIVED = "(derived)";
    private static final Pattern SECTION = Pattern.compile("\\[version\\s+(\\d+)]");
    private static final List<Pattern> VERSION_KEYS = List.of(
            Pattern.compile("effectiveFrom|decision|doors|officers\\.trainingRequired|diversionWindows"
                    + "|divertibleOffences|drug\\.(thresholdGrams|comparator|weightExemptForms|substantialQuantityExcludes)"
                    + "|sales\\.policy|minAge|overrideAuthority|complainantConsent\\.requiredFor"
                    + "|history\\.(neverDisqualifying|countAttempts)"
                    + "|socialContact\\.(lookbackMonths|inArea|evidenceKinds)|community\\.criteria"
                    + "|capacity\\.(arrestPriority|reserve|whenFull)|catchment\\.(areas|residency)"
                    + "|handoff\\.targetMinutes"
                    + "|intake\\.(deadlineDays|statutoryMaxDays|requiresRoi|extensionsAllowed|extensionAuthority)"
                    + "|lapse\\.(recipient|releaseOnLaterNonEngagement|fidelityWarning)"
                    + "|inactivityThresholdDays|closure\\.allowedReasons"
                    + "|caseload\\.(cap|target)|flex\\.(capPerExpenditure|capPerParticipantMonth|approvalRoles)"
                    + "|consultationWindowDays|owg\\.(cadenceDays|scope)"
                    + "|equity\\.(lowerBound|upperBound|minCellSize|reportingPeriod|categories|reference)"),
            Pattern.compile("door\\.[A-Z_]+\\.(referrers|referrerKinds|approvers|authority|authorityRoles)"),
            Pattern.compile("exclusion\\.[A-Z_]+(\\.(doors|scope))?"),
            Pattern.compile("history\\.[a-zA-Z0-9]+\\.(strength|offences|lookbackYears|anchor)"),
            Pattern.compile("catchment\\.polygon\\.[A-Z0-9_]+"),
            Pattern.compile("chargeRouting\\.[A-Z_]+"));
    private static final Set<String> HEADER_KEYS = Set.of("site.id", "site.name", "site.zone");

    private SitePolicyFile() {
    }

    /** Parses a policy file's text. {@code fileName} is only used in error messages. */
    public static SitePolicyHistory parse(String fileName, String text) {
        return new Reader(fileName).read(text);
    }

    /** Parses a policy file from a stream (UTF-8). */
    public static SitePolicyHistory parse(String fileName, InputStream in) throws IOException {
        return parse(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Writes a site's policy history in this format, one {@code [version N]} section per version: version 1 in full
     * (every key whose value is not the library default, and every key the history's provenance names), each later
     * version only the keys whose value or provenance changed, so that the inheritance of the format rebuilds every
     * version exactly. Values marked {@link Provenance#DERIVED} keep their {@code (derived)} marker; comments are not
     * kept (a policy does not carry them). {@code parse(fileName, format(history))} equals {@code history} for every
     * history read from a file. A policy built in code has no provenance: the keys written for it read back as
     * {@link Provenance#SOURCED} (a later version keeps the marker of a key it inherits unchanged), and its history
     * rules come back ordered by name, as the format orders them.
     *
     * @throws InvalidValueException naming the key when a value cannot be written in the format (free text with a line
     *                               break, a {@code #} comment marker, surrounding blanks or a trailing
     *                               {@code (derived)}; versions with different site names; a history rule that a later
     *                               version drops, which inheritance cannot express)
     */
    public static String format(SitePolicyHistory history) {
        return new Writer(history).write();
    }

    /** A value as written in the file. */
    private record Entry(String value, boolean derived, int line) {
    }

    private static final class Reader {
        private final String file;
        private final Map<String, Entry> header = new LinkedHashMap<>();
        private final List<Map<String, Entry>> sections = new ArrayList<>();
        private final List<Integer> sectionLines = new ArrayList<>();

        Reader(String file) {
            this.file = file;
        }

        SitePolicyHistory read(String text) {
            String[] lines = text.split("\\R", -1);
            Map<String, Entry> current = header;
            for (int i = 0; i < lines.length; i++) {
                int lineNo = i + 1;
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                Matcher section = SECTION.matcher(stripComment(line).strip());
                if (section.matches()) {
                    int number;
                    try {
                        number = Integer.parseInt(section.group(1));
                    } catch (NumberFormatException e) {
                        throw fail(lineNo, "version", "versions must be numbered 1, 2, 3… in order");
                    }
                    if (number != sections.size() + 1) {
                        throw fail(lineNo, "version", "versions must be numbered 1, 2, 3… in order; expected "
                                + (sections.size() + 1) + " but found " + number);
                    }
                    current = new LinkedHashMap<>();
                    sections.add(current);
                    sectionLines.add(lineNo);
                    continue;
                }
                if (line.startsWith("[")) {
                    throw fail(lineNo, line, "a section header must read [version N]");
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw fail(lineNo, line, "expected 'key = value'");
                }
                String key = line.substring(0, eq).strip();
                String value = stripComment(line.substring(eq + 1)).strip();
                boolean derived = value.endsWith(DERIVED);
                if (derived) {
                    value = value.substring(0, value.length() - DERIVED.length()).strip();
                }
                checkKnown(key, lineNo, current == header);
                if (current.put(key, new Entry(value, derived, lineNo)) != null) {
                    throw fail(lineNo, key, "is set twice in the same section");
                }
            }
            return build();
        }

        private void checkKnown(String key, int line, boolean inHeader) {
            if (HEADER_KEYS.contains(key)) {
                if (!inHeader) {
                    throw fail(line, key, "belongs before the first [version N] section");
                }
                return;
            }
            if (inHeader) {
                throw fail(line, key, "only site.id, site.name and site.zone may appear before the first [version N]");
            }
            for (Pattern p : VERSION_KEYS) {
                if (p.matcher(key).matches()) {
                    return;
                }
            }
            throw fail(line, key, "unknown key (see docs/configuring-a-site.md for the keys)");
        }

        private static String stripComment(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                    return s.substring(0, i);
                }
            }
            return s;
        }

        private MalformedPolicyException fail(int line, String key, String reason) {
            return new MalformedPolicyException(file, line, key, reason);
        }

        private SitePolicyHistory build() {
            SiteId siteId = headerValue("site.id", SiteId::new);
            ZoneId zone = headerValue("site.zone", ZoneId::of);
            String name = header.containsKey("site.name") ? header.get("site.name").value() : siteId.value();
            if (sections.isEmpty()) {
                throw fail(0, "[version 1]", "the file defines no policy version");
            }
            var versions = new ArrayList<SitePolicy>();
            Map<String, Entry> merged = new TreeMap<>();
            for (int i = 0; i < sections.size(); i++) {
                Map<String, Entry> own = sections.get(i);
                merged.putAll(own);
                if (!own.containsKey("effectiveFrom")) {
                    throw fail(sectionLines.get(i), "effectiveFrom", "every version needs its own effective date");
                }
                SitePolicy v = new VersionReader(this, siteId, zone, name, i + 1, merged, own, sectionLines.get(i)).build();
                if (!versions.isEmpty() && !v.effectiveFrom().isAfter(versions.get(versions.size() - 1).effectiveFrom())) {
                    throw fail(own.get("effectiveFrom").line(), "[version " + (i + 1) + "] effectiveFrom",
                            "must be after the effective date of version " + i);
                }
                versions.add(v);
            }
            try {
                return new SitePolicyHistory(siteId, zone, versions);
            } catch (MalformedPolicyException e) {
                throw e;
            } catch (InvalidValueException e) {
                throw fail(0, e.field(), e.reason());
            }
        }

        private <T> T headerValue(String key, Function<String, T> parse) {
            Entry e = header.get(key);
            if (e == null || e.value().isEmpty()) {
                throw fail(0, key, "is required before the first [version N] section");
            }
            try {
                return parse.apply(e.value());
            } catch (InvalidValueException | DateTimeException ex) {
                throw fail(e.line(), key, ex instanceof InvalidValueException iv ? iv.reason() : "is not a valid time zone");
            }
        }
    }

    /** Builds one version from the merged key map, reporting any problem against the key's line. */
    private static final class VersionReader {
        private final Reader file;
        private final Map<String, Entry> keys;
        private final Map<String, Entry> own;
        private final int sectionLine;
        private final SitePolicy.Builder b;
        private final int version;

        VersionReader(Reader file, SiteId site, ZoneId zone, String name, int version, Map<String, Entry> merged,
                      Map<String, Entry> own, int sectionLine) {
            this.file = file;
            this.keys = merged;
            this.own = own;
            this.sectionLine = sectionLine;
            this.version = version;
            this.b = SitePolicy.builder(site, zone).name(name);
        }

        SitePolicy build() {
            keys.forEach((k, e) -> b.provenance(k, e.derived() ? Provenance.DERIVED : Provenance.SOURCED));
            b.version(version, required("effectiveFrom", LocalDate::parse));
            optional("decision").ifPresent(b::decision);
            Set<Door> doors = enums("doors", Door.class);
            if (doors.isEmpty()) {
                throw fail("doors", "at least one door must be enabled");
            }
            for (Door door : doors) {
                b.door(doorPolicy(door));
            }
            for (String k : own.keySet()) {
                if (k.startsWith("door.")) {
                    String doorName = k.substring(5, k.indexOf('.', 5));
                    Door door = parseEnum(k, doorName, Door.class);
                    if (!doors.contains(door)) {
                        throw fail(k, "configures door " + door + ", which is not listed in doors");
                    }
                }
            }
            optional("officers.trainingRequired").ifPresent(v -> b.officerTrainingRequired(bool("officers.trainingRequired")));
            b.diversionWindows(list("diversionWindows", this::window));
            b.divertibleOffences(list("divertibleOffences", this::divertible));
            wrap("drug.thresholdGrams", () -> b.drug(new DrugPolicy(optionalDecimal("drug.thresholdGrams"),
                    enumOr("drug.comparator", Comparator.class, Comparator.GT),
                    codes("drug.weightExemptForms"), boolOr("drug.substantialQuantityExcludes", false))));
            b.salesPolicy(enumOr("sales.policy", SalesPolicy.class, SalesPolicy.ANY));
            b.minAge(optionalInt("minAge"));
            exclusions();
            historyRules();
            b.neverDisqualifying(offenceCodes("history.neverDisqualifying"));
            b.countAttempts(boolOr("history.countAttempts", true));
            b.overrideAuthority(enums("overrideAuthority", Role.class));
            b.complainantConsentRequiredFor(codes("complainantConsent.requiredFor"));
            Set<EvidenceKind> kinds = enums("socialContact.evidenceKinds", EvidenceKind.class);
            wrap("socialContact.evidenceKinds", () -> b.socialContact(new SocialContactPolicy(
                    optionalInt("socialContact.lookbackMonths"), boolOr("socialContact.inArea", false),
                    kinds.isEmpty() ? EnumSet.allOf(EvidenceKind.class) : kinds)));
            b.communityCriteria(codes("community.criteria"));
            wrap("capacity.reserve", () -> b.capacity(new CapacityPolicy(boolOr("capacity.arrestPriority", false),
                    optionalInt("capacity.reserve"), enumOr("capacity.whenFull", CapacityAction.class, CapacityAction.DEFER))));
            catchment();
            b.handoffTargetMinutes(intOr("handoff.targetMinutes", 30));
            wrap("intake.extensionsAllowed", () -> b.intake(new IntakePolicy(intOr("intake.deadlineDays", 30),
                    optionalInt("intake.statutoryMaxDays"), boolOr("intake.requiresRoi", false),
                    boolOr("intake.extensionsAllowed", false), enums("intake.extensionAuthority", Role.class))));
            wrap("lapse.fidelityWarning", () -> b.lapse(new LapsePolicy(
                    enumOr("lapse.recipient", LapseRecipient.class, LapseRecipient.PROSECUTOR),
                    boolOr("lapse.releaseOnLaterNonEngagement", false), optional("lapse.fidelityWarning"))));
            wrap("closure.allowedReasons", () -> b.enrollment(new EnrollmentPolicy(
                    intOr("inactivityThresholdDays", 90),
                    has("closure.allowedReasons") ? enums("closure.allowedReasons", ClosureReason.class)
                            : EnrollmentPolicy.DEFAULT_ALLOWED)));
            wrap("caseload.target", () -> b.caseload(new CaseloadPolicy(intOr("caseload.cap", 25),
                    intOr("caseload.target", Math.min(20, intOr("caseload.cap", 25))))));
            Optional<Money> capPerExpenditure = optionalMoney("flex.capPerExpenditure");
            Optional<Money> capPerMonth = optionalMoney("flex.capPerParticipantMonth");
            wrap("flex.approvalRoles", () -> b.flex(new FlexPolicy(capPerExpenditure, capPerMonth,
                    enums("flex.approvalRoles", Role.class))));
            b.consultationWindowDays(intOr("consultationWindowDays", 14));
            OwgScope owgScope = enumOr("owg.scope", OwgScope.class, OwgScope.SITE);
            wrap("owg.cadenceDays", () -> b.owg(new OwgPolicy(intOr("owg.cadenceDays",
                    OwgPolicy.DEFAULT_CADENCE_DAYS), owgScope)));
            var routing = new EnumMap<OffenceLevel, String>(OffenceLevel.class);
            keys.forEach((k, e) -> {
                if (k.startsWith("chargeRouting.") && !e.value().isEmpty()) {
                    routing.put(parseEnum(k, k.substring("chargeRouting.".length()), OffenceLevel.class), e.value());
                }
            });
            b.chargeRouting(routing);
            equity();
            try {
                return b.build();
            } catch (InvalidValueException e) {
                throw fail(e.field(), e.reason());
            }
        }

        private void equity() {
            BigDecimal lower = decimalOr("equity.lowerBound", EquitySettings.DEFAULT_LOWER_BOUND);
            BigDecimal upper = decimalOr("equity.upperBound", EquitySettings.DEFAULT_UPPER_BOUND);
            int minCell = intOr("equity.minCellSize", EquitySettings.DEFAULT_MIN_CELL_SIZE);
            java.time.Period period = optional("equity.reportingPeriod").map(v -> {
                try {
                    return java.time.Period.parse(v);
                } catch (java.time.format.DateTimeParseException e) {
                    throw fail("equity.reportingPeriod", "must be an ISO-8601 period such as P3M");
                }
            }).orElse(EquitySettings.DEFAULT_REPORTING_PERIOD);
            List<String> categories = new ArrayList<>();
            optional("equity.categories").ifPresent(v -> {
                for (String c : v.split(",")) {
                    categories.add(c.strip());
                }
            });
            String reference = optional("equity.reference").orElse(EquitySettings.DEFAULT_REFERENCE);
            wrap("equity.reference", () -> b.equity(new EquitySettings(lower, upper, minCell, period, categories,
                    reference)));
        }

        private BigDecimal decimalOr(String key, BigDecimal fallback) {
            return optional(key).map(v -> {
                try {
                    return new BigDecimal(v);
                } catch (NumberFormatException e) {
                    throw fail(key, "must be a decimal number such as 0.80");
                }
            }).orElse(fallback);
        }

        private DoorPolicy doorPolicy(Door door) {
            String p = "door." + door + ".";
            Set<Role> referrers = enums(p + "referrers", Role.class);
            if (referrers.isEmpty()) {
                throw fail(p + "referrers", "an enabled door must list the roles that may refer through it");
            }
            EligibilityAuthority authority = enumOr(p + "authority", EligibilityAuthority.class,
                    EligibilityAuthority.OFFICER_ONLY);
            Set<Role> authorityRoles = enums(p + "authorityRoles", Role.class);
            return wrap(p + "referrers", () -> new DoorPolicy(door, referrers, enums(p + "referrerKinds", ReferrerKind.class),
                    enums(p + "approvers", Role.class), authority,
                    authorityRoles.isEmpty() ? authority.defaultRoles() : authorityRoles));
        }

        private void exclusions() {
            for (String k : keys.keySet()) {
                if (!k.startsWith("exclusion.") || k.endsWith(".doors") || k.endsWith(".scope")) {
                    continue;
                }
                ExclusionKind kind = parseEnum(k, k.substring("exclusion.".length()), ExclusionKind.class);
                String value = keys.get(k).value();
                if (value.isEmpty() || value.equals("OFF")) {
                    if (impliedByParameter(kind)) {
                        throw fail(k, "is switched on by its parameter; remove the parameter to switch it off");
                    }
                    continue;
                }
                RuleStrength strength = parseEnum(k, value, RuleStrength.class);
                Set<Door> doors = enums(k + ".doors", Door.class);
                Set<String> scope = codes(k + ".scope");
                wrap(k, () -> b.exclusion(kind, strength, doors, scope));
            }
            for (String k : keys.keySet()) {
                if (k.startsWith("exclusion.") && (k.endsWith(".doors") || k.endsWith(".scope"))) {
                    String base = k.substring(0, k.lastIndexOf('.'));
                    if (!keys.containsKey(base)) {
                        throw fail(k, "needs " + base + " to set the criterion's strength");
                    }
                }
            }
        }

        private boolean impliedByParameter(ExclusionKind kind) {
            return switch (kind) {
                case DRUG_WEIGHT_OVER_THRESHOLD -> has("drug.thresholdGrams") || optional("drug.substantialQuantityExcludes")
                        .map(v -> v.equalsIgnoreCase("true")).orElse(false);
                case SALES_ABOVE_SUBSISTENCE -> optional("sales.policy").map(v -> !v.equals("ANY")).orElse(false);
                case UNDER_MIN_AGE -> has("minAge");
                case DISQUALIFYING_CRIMINAL_HISTORY -> keys.keySet().stream()
                        .anyMatch(k -> k.startsWith("history.") && k.chars().filter(c -> c == '.').count() == 2);
                case COMPLAINANT_DOES_NOT_CONSENT -> has("complainantConsent.requiredFor");
                case OUTSIDE_CATCHMENT -> has("catchment.areas") || has("catchment.residency")
                        || keys.keySet().stream().anyMatch(k -> k.startsWith("catchment.polygon.") && has(k));
                case ACTIVE_CONFIDENTIAL_INFORMANT, NOT_LEAD_ELIGIBLE_OFFENCE -> true;
                default -> false;
            };
        }

        private boolean has(String key) {
            return optional(key).isPresent();
        }

        private void historyRules() {
            var names = new TreeSet<String>();
            for (String k : keys.keySet()) {
                if (k.startsWith("history.") && k.chars().filter(c -> c == '.').count() == 2) {
                    names.add(k.split("\\.")[1]);
                }
            }
            var rules = new ArrayList<CriminalHistoryRule>();
            for (String name : names) {
                String p = "history." + name + ".";
                String lookback = optional(p + "lookbackYears").orElse("LIFETIME");
                OptionalInt years = lookback.equals("LIFETIME") ? OptionalInt.empty() : OptionalInt.of(integer(p + "lookbackYears"));
                HistoryAnchor anchor = enumOr(p + "anchor", HistoryAnchor.class, HistoryAnchor.CONVICTION_DATE);
                RuleStrength strength = enumOr(p + "strength", RuleStrength.class, RuleStrength.PRESUMPTIVE);
                Set<OffenceCode> offences = offenceCodes(p + "offences");
                rules.add(wrap(p + "offences", () -> new CriminalHistoryRule(name, strength, offences, years, anchor)));
            }
            b.historyRules(rules);
        }

        private void catchment() {
            var polygons = new TreeMap<String, Polygon>();
            keys.forEach((k, e) -> {
                if (k.startsWith("catchment.polygon.") && !e.value().isEmpty()) {
                    polygons.put(k.substring("catchment.polygon.".length()), polygon(k, e.value()));
                }
            });
            Set<AreaId> areas = new TreeSet<>();
            for (String code : codes("catchment.areas")) {
                areas.add(AreaId.of(code));
            }
            Optional<AreaId> residency = optional("catchment.residency").map(v -> wrap("catchment.residency", () -> AreaId.of(v)));
            b.catchment(new Catchment(areas, polygons, residency));
        }

        private Polygon polygon(String key, String value) {
            var points = new ArrayList<GeoPoint>();
            for (String pair : value.split(";")) {
                String[] parts = pair.strip().split("\\s+");
                if (parts.length != 2) {
                    throw fail(key, "vertices are 'latitude longitude' pairs separated by ';'");
                }
                try {
                    double lat = Double.parseDouble(parts[0]);
                    double lon = Double.parseDouble(parts[1]);
                    points.add(wrap(key, () -> new GeoPoint(lat, lon)));
                } catch (NumberFormatException e) {
                    throw fail(key, "vertices must be decimal degrees");
                }
            }
            return wrap(key, () -> new Polygon(points));
        }

        private DiversionWindow window(String key, String item) {
            String[] parts = item.split("/");
            if (parts.length != 2) {
                throw fail(key, "a window is written start/end, e.g. 2012-01-05T06:00/2012-01-05T16:00");
            }
            try {
                LocalDateTime start = LocalDateTime.parse(parts[0].strip());
                LocalDateTime end = LocalDateTime.parse(parts[1].strip());
                return wrap(key, () -> new DiversionWindow(start, end));
            } catch (DateTimeException e) {
                throw fail(key, "window times must be local date-times such as 2012-01-05T06:00");
            }
        }

        private DivertibleOffence divertible(String key, String item) {
            String[] parts = item.split(":");
            OffenceCode code = wrap(key, () -> OffenceCode.of(parts[0].strip()));
            if (parts.length == 1) {
                return new DivertibleOffence(code, Optional.empty());
            }
            if (parts.length == 2) {
                return new DivertibleOffence(code, Optional.of(parseEnum(key, parts[1].strip(), OffenceLevel.class)));
            }
            throw fail(key, "entries are CODE or CODE:LEVEL");
        }

        // ---- value helpers -------------------------------------------------------------------------------

        private MalformedPolicyException fail(String key, String reason) {
            Entry e = keys.get(key);
            return new MalformedPolicyException(file.file, e != null ? e.line() : sectionLine,
                    "[version " + version + "] " + key, reason);
        }

        private <T> T wrap(String key, java.util.function.Supplier<T> s) {
            try {
                return s.get();
            } catch (MalformedPolicyException e) {
                throw e;
            } catch (InvalidValueException e) {
                String k = keys.containsKey(e.field()) ? e.field() : key;
                throw fail(k, (k.equals(e.field()) ? "" : e.field() + " ") + e.reason());
            }
        }

        private void wrap(String key, Runnable r) {
            wrap(key, () -> {
                r.run();
                return null;
            });
        }

        private Optional<String> optional(String key) {
            Entry e = keys.get(key);
            return e == null || e.value().isEmpty() ? Optional.empty() : Optional.of(e.value());
        }

        private <T> T required(String key, Function<String, T> parse) {
            String v = optional(key).orElseThrow(() -> fail(key, "is required"));
            try {
                return parse.apply(v);
            } catch (DateTimeException e) {
                throw fail(key, "must be a date such as 2014-06-01");
            }
        }

        private <T> List<T> list(String key, java.util.function.BiFunction<String, String, T> item) {
            var out = new ArrayList<T>();
            optional(key).ifPresent(v -> {
                for (String part : v.split(",")) {
                    String s = part.strip();
                    if (s.isEmpty()) {
                        throw fail(key, "has an empty list item");
                    }
                    out.add(item.apply(key, s));
                }
            });
            return out;
        }

        private Set<String> codes(String key) {
            return new TreeSet<>(list(key, (k, s) -> {
                if (!s.matches("[A-Z][A-Z0-9_]*")) {
                    throw fail(k, "'" + s + "' is not an upper-case code");
                }
                return s;
            }));
        }

        private Set<OffenceCode> offenceCodes(String key) {
            var out = new TreeSet<OffenceCode>();
            codes(key).forEach(c -> out.add(OffenceCode.of(c)));
            return out;
        }

        private <E extends Enum<E>> Set<E> enums(String key, Class<E> type) {
            var out = EnumSet.noneOf(type);
            out.addAll(list(key, (k, s) -> parseEnum(k, s, type)));
            return out;
        }

        private <E extends Enum<E>> E enumOr(String key, Class<E> type, E fallback) {
            return optional(key).map(v -> parseEnum(key, v, type)).orElse(fallback);
        }

        private <E extends Enum<E>> E parseEnum(String key, String value, Class<E> type) {
            try {
                return Enum.valueOf(type, value.strip());
            } catch (IllegalArgumentException e) {
                var allowed = new ArrayList<String>();
                for (E c : type.getEnumConstants()) {
                    allowed.add(c.name());
                }
                throw fail(key, "'" + value + "' is not one of " + String.join(", ", allowed));
            }
        }

        private boolean bool(String key) {
            String v = optional(key).orElseThrow(() -> fail(key, "is required")).toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return Boolean.parseBoolean(v);
            }
            throw fail(key, "must be true or false");
        }

        private boolean boolOr(String key, boolean fallback) {
            return optional(key).isPresent() ? bool(key) : fallback;
        }

        private int integer(String key) {
            String v = optional(key).orElseThrow(() -> fail(key, "is required"));
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw fail(key, "must be a whole number");
            }
        }

        private int intOr(String key, int fallback) {
            return optional(key).isPresent() ? integer(key) : fallback;
        }

        private OptionalInt optionalInt(String key) {
            return optional(key).isPresent() ? OptionalInt.of(integer(key)) : OptionalInt.empty();
        }

        private Optional<Money> optionalMoney(String key) {
            return optional(key).map(v -> {
                try {
                    return Money.parse(v);
                } catch (InvalidValueException e) {
                    throw fail(key, "must be an amount and an ISO currency such as '250.00 USD' (" + e.reason() + ")");
                }
            });
        }

        private Optional<BigDecimal> optionalDecimal(String key) {
            return optional(key).map(v -> {
                try {
                    return new BigDecimal(v);
                } catch (NumberFormatException e) {
                    throw fail(key, "must be a decimal number such as 3.0");
                }
            });
        }
    }

    /** Writes a history back into the file format (see {@link #format}). */
    private static final class Writer {
        private final SitePolicyHistory history;
        private final StringBuilder out = new StringBuilder();
        /** The keys in force after each section, as the parser's merged map sees them. */
        private final Map<String, Entry> merged = new LinkedHashMap<>();

        Writer(SitePolicyHistory history) {
            this.history = history;
        }

        /** A key's value for one version, and whether it must be written to rebuild that value. */
        private record Val(String value, boolean needed) {
        }

        String write() {
            SitePolicy first = history.versions().get(0);
            for (SitePolicy v : history.versions()) {
                if (!v.siteName().equals(first.siteName())) {
                    throw new InvalidValueException("site.name",
                            "must be the same in every version to be written as one policy file");
                }
            }
            line("site.id", history.siteId().value(), false);
            line("site.name", text("site.name", first.siteName()), false);
            line("site.zone", history.zone().getId(), false);
            for (SitePolicy v : history.versions()) {
                out.append('\n').append("[version ").append(v.version()).append("]\n");
                for (var e : section(v).entrySet()) {
                    line(e.getKey(), e.getValue().value(), e.getValue().derived());
                }
            }
            return out.toString();
        }

        private void line(String key, String value, boolean derived) {
            out.append(key).append(" =");
            if (!value.isEmpty()) {
                out.append(' ').append(value);
            }
            if (derived) {
                out.append(' ').append(DERIVED);
            }
            out.append('\n');
        }

        /** The keys this version sets itself: all that differ from what it would inherit. */
        private Map<String, Entry> section(SitePolicy p) {
            Map<String, Val> values = render(p);
            Map<String, Provenance> provenance = p.provenance();
            var own = new LinkedHashMap<String, Entry>();
            for (var e : values.entrySet()) {
                String k = e.getKey();
                Val v = e.getValue();
                boolean inherited = merged.containsKey(k);
                // a key the version's provenance does not name keeps the marker it inherits while its value stays
                boolean derived = provenance.containsKey(k) ? provenance.get(k) == Provenance.DERIVED
                        : inherited && merged.get(k).derived() && merged.get(k).value().equals(v.value());
                Entry wanted = new Entry(v.value(), derived, 0);
                if (k.equals("effectiveFrom")) {
                    own.put(k, wanted);
                } else if (inherited) {
                    if (!same(merged.get(k), wanted)) {
                        own.put(k, wanted);
                    }
                } else if (v.needed() || provenance.containsKey(k)) {
                    own.put(k, wanted);
                }
            }
            // keys the provenance names that mean nothing for this version (a disabled door's, an inactive criterion's)
            for (var e : provenance.entrySet()) {
                String k = e.getKey();
                if (values.containsKey(k)) {
                    continue;
                }
                known(k);
                boolean derived = e.getValue() == Provenance.DERIVED;
                Entry inherited = merged.get(k);
                if (inherited != null) {
                    if (inherited.derived() != derived) {
                        own.put(k, new Entry(inherited.value(), derived, 0));
                    }
                } else if (!k.startsWith("door.") && !isHistoryRuleKey(k)) {
                    own.put(k, new Entry("", derived, 0));
                }
            }
            // inherited keys this version no longer uses
            for (var e : merged.entrySet()) {
                String k = e.getKey();
                if (values.containsKey(k) || own.containsKey(k)) {
                    continue;
                }
                if (isHistoryRuleKey(k)) {
                    throw new InvalidValueException("[version " + p.version() + "] " + k,
                            "a later version cannot drop a history rule in the policy-file format");
                }
                if ((k.startsWith("catchment.polygon.") || k.startsWith("chargeRouting."))
                        && !e.getValue().value().isEmpty()) {
                    own.put(k, new Entry("", e.getValue().derived(), 0));
                }
            }
            merged.putAll(own);
            return own;
        }

        private static boolean same(Entry a, Entry b) {
            return a.value().equals(b.value()) && a.derived() == b.derived();
        }

        private static boolean isHistoryRuleKey(String k) {
            return k.startsWith("history.") && k.chars().filter(c -> c == '.').count() == 2;
        }

        private static void known(String key) {
            for (Pattern p : VERSION_KEYS) {
                if (p.matcher(key).matches()) {
                    return;
                }
            }
            throw new InvalidValueException(key, "is not a key of the policy-file format");
        }

        /** Every key the parser reads for this version, with its canonical value. */
        private Map<String, Val> render(SitePolicy p) {
            var m = new LinkedHashMap<String, Val>();
            m.put("effectiveFrom", new Val(p.effectiveFrom().toString(), true));
            m.put("decision", opt(p.decision().map(d -> text("decision", d))));
            m.put("doors", new Val(join(p.doors().keySet()), true));
            for (DoorPolicy d : p.doors().values()) {
                String k = "door." + d.door() + ".";
                m.put(k + "referrers", new Val(join(d.referrers()), true));
                m.put(k + "referrerKinds", list(d.referrerKinds()));
                m.put(k + "approvers", list(d.approvalRoles()));
                m.put(k + "authority", val(d.authority(), EligibilityAuthority.OFFICER_ONLY));
                m.put(k + "authorityRoles", new Val(join(d.authorityRoles()),
                        !d.authorityRoles().equals(d.authority().defaultRoles())));
            }
            m.put("officers.trainingRequired", val(p.officerTrainingRequired(), false));
            m.put("diversionWindows", list(p.diversionWindows().stream().map(w -> w.start() + "/" + w.end()).toList()));
            m.put("divertibleOffences", list(p.divertibleOffences()));
            m.put("drug.thresholdGrams", opt(p.drug().thresholdGrams().map(BigDecimal::toPlainString)));
            m.put("drug.comparator", val(p.drug().comparator(), Comparator.GT));
            m.put("drug.weightExemptForms", list(p.drug().weightExemptForms()));
            m.put("drug.substantialQuantityExcludes", val(p.drug().substantialQuantityExcludes(), false));
            m.put("sales.policy", val(p.salesPolicy(), SalesPolicy.ANY));
            m.put("minAge", opt(p.minAge()));
            exclusions(p, m);
            for (CriminalHistoryRule r : p.historyRules()) {
                if (!r.name().matches("[a-zA-Z0-9]+")) {
                    throw new InvalidValueException("history." + r.name(), "a rule name is letters and digits only");
                }
                String k = "history." + r.name() + ".";
                m.put(k + "strength", val(r.strength(), RuleStrength.PRESUMPTIVE));
                m.put(k + "offences", list(r.offences()));
                m.put(k + "lookbackYears", new Val(r.lookbackYears().isPresent()
                        ? String.valueOf(r.lookbackYears().getAsInt()) : "LIFETIME", r.lookbackYears().isPresent()));
                m.put(k + "anchor", val(r.anchor(), HistoryAnchor.CONVICTION_DATE));
            }
            m.put("history.neverDisqualifying", list(p.neverDisqualifying()));
            m.put("history.countAttempts", val(p.countAttempts(), true));
            m.put("overrideAuthority", list(p.overrideAuthority()));
            m.put("socialContact.lookbackMonths", opt(p.socialContact().lookbackMonths()));
            m.put("socialContact.inArea", val(p.socialContact().inArea(), false));
            m.put("socialContact.evidenceKinds", new Val(join(p.socialContact().evidenceKinds()),
                    !p.socialContact().evidenceKinds().equals(EnumSet.allOf(EvidenceKind.class))));
            m.put("community.criteria", list(p.communityCriteria()));
            m.put("capacity.arrestPriority", val(p.capacity().arrestPriority(), false));
            m.put("capacity.reserve", opt(p.capacity().reserve()));
            m.put("capacity.whenFull", val(p.capacity().whenFull(), CapacityAction.DEFER));
            m.put("catchment.areas", list(p.catchment().areas()));
            m.put("catchment.residency", opt(p.catchment().residency().map(AreaId::value)));
            p.catchment().polygons().forEach((name, polygon) -> {
                if (!name.matches("[A-Z0-9_]+")) {
                    throw new InvalidValueException("catchment.polygon." + name,
                            "a polygon name is upper-case letters, digits and '_'");
                }
                var vertices = new ArrayList<String>();
                polygon.vertices().forEach(v -> vertices.add(v.latitude() + " " + v.longitude()));
                m.put("catchment.polygon." + name, new Val(String.join("; ", vertices), true));
            });
            m.put("handoff.targetMinutes", val(p.handoffTargetMinutes(), 30));
            IntakePolicy intake = p.intake();
            m.put("intake.deadlineDays", val(intake.deadlineDays(), 30));
            m.put("intake.statutoryMaxDays", opt(intake.statutoryMaxDays()));
            m.put("intake.requiresRoi", val(intake.requiresRoi(), false));
            m.put("intake.extensionsAllowed", val(intake.extensionsAllowed(), false));
            m.put("intake.extensionAuthority", list(intake.extensionAuthority()));
            m.put("lapse.recipient", val(p.lapse().recipient(), LapseRecipient.PROSECUTOR));
            m.put("lapse.releaseOnLaterNonEngagement", val(p.lapse().releaseOnLaterNonEngagement(), false));
            m.put("lapse.fidelityWarning", opt(p.lapse().fidelityWarning().map(w -> text("lapse.fidelityWarning", w))));
            m.put("inactivityThresholdDays", val(p.enrollment().inactivityThresholdDays(), 90));
            m.put("closure.allowedReasons", new Val(join(p.enrollment().allowedClosureReasons()),
                    !p.enrollment().allowedClosureReasons().equals(EnrollmentPolicy.DEFAULT_ALLOWED)));
            m.put("caseload.cap", val(p.caseload().cap(), 25));
            m.put("caseload.target", val(p.caseload().target(), Math.min(20, p.caseload().cap())));
            m.put("flex.capPerExpenditure", opt(p.flex().capPerExpenditure().map(Money::toString)));
            m.put("flex.capPerParticipantMonth", opt(p.flex().capPerParticipantMonth().map(Money::toString)));
            m.put("flex.approvalRoles", list(p.flex().approvalRoles()));
            m.put("consultationWindowDays", val(p.consultationWindowDays(), 14));
            m.put("owg.cadenceDays", val(p.owg().cadenceDays(), OwgPolicy.DEFAULT_CADENCE_DAYS));
            m.put("owg.scope", val(p.owg().scope(), OwgScope.SITE));
            p.chargeRouting().forEach((level, office) ->
                    m.put("chargeRouting." + level, new Val(text("chargeRouting." + level, office), true)));
            EquitySettings e = p.equity();
            m.put("equity.lowerBound", new Val(e.lowerBound().toPlainString(),
                    !e.lowerBound().equals(EquitySettings.DEFAULT_LOWER_BOUND)));
            m.put("equity.upperBound", new Val(e.upperBound().toPlainString(),
                    !e.upperBound().equals(EquitySettings.DEFAULT_UPPER_BOUND)));
            m.put("equity.minCellSize", val(e.minCellSize(), EquitySettings.DEFAULT_MIN_CELL_SIZE));
            m.put("equity.reportingPeriod", val(e.reportingPeriod(), EquitySettings.DEFAULT_REPORTING_PERIOD));
            for (String c : e.categories()) {
                if (c.contains(",") || !c.equals(c.strip())) {
                    throw new InvalidValueException("equity.categories", "a category cannot contain a comma or "
                            + "surrounding blanks in a policy file");
                }
                text("equity.categories", c);
            }
            m.put("equity.categories", list(e.categories()));
            m.put("equity.reference", new Val(text("equity.reference", e.reference()),
                    !e.reference().equals(EquitySettings.DEFAULT_REFERENCE)));
            return m;
        }

        /**
         * The exclusion keys. A criterion its parameter switches on with the default strength and doors needs no key;
         * any other active criterion is written with its strength, doors and scope. Complainant consent carries its
         * scope in {@code complainantConsent.requiredFor}, unless the file used {@code .scope} for it.
         */
        private static void exclusions(SitePolicy p, Map<String, Val> m) {
            Set<String> complainantScope = p.exclusion(ExclusionKind.COMPLAINANT_DOES_NOT_CONSENT)
                    .map(ExclusionSetting::scope).orElse(Set.of());
            boolean scopeKey = p.provenance().containsKey("exclusion.COMPLAINANT_DOES_NOT_CONSENT.scope");
            for (ExclusionKind kind : ExclusionKind.values()) {
                String k = "exclusion." + kind;
                ExclusionSetting s = p.exclusions().get(kind);
                if (s == null) {
                    m.put(k, new Val("", false));
                    continue;
                }
                boolean complainant = kind == ExclusionKind.COMPLAINANT_DOES_NOT_CONSENT;
                boolean impliedDefault = implied(kind, p) && s.strength() == kind.defaultStrength()
                        && s.doors().equals(defaultDoors(kind)) && (complainant || s.scope().isEmpty());
                m.put(k, new Val(s.strength().name(), !impliedDefault));
                m.put(k + ".doors", new Val(join(s.doors()), !s.doors().equals(defaultDoors(kind))));
                if (!complainant || scopeKey) {
                    m.put(k + ".scope", list(s.scope()));
                }
            }
            m.put("complainantConsent.requiredFor", list(complainantScope));
        }

        /** Whether a parameter of the policy switches the criterion on (as {@link SitePolicy.Builder#build} does). */
        private static boolean implied(ExclusionKind kind, SitePolicy p) {
            return switch (kind) {
                case DRUG_WEIGHT_OVER_THRESHOLD -> p.drug().isActive();
                case SALES_ABOVE_SUBSISTENCE -> p.salesPolicy() != SalesPolicy.ANY;
                case UNDER_MIN_AGE -> p.minAge().isPresent();
                case DISQUALIFYING_CRIMINAL_HISTORY -> !p.historyRules().isEmpty();
                case OUTSIDE_CATCHMENT -> p.catchment().restrictsLocation() || p.catchment().residency().isPresent();
                case COMPLAINANT_DOES_NOT_CONSENT -> p.exclusion(kind).map(s -> !s.scope().isEmpty()).orElse(false);
                case ACTIVE_CONFIDENTIAL_INFORMANT -> true;
                case NOT_LEAD_ELIGIBLE_OFFENCE -> p.isEnabled(Door.ARREST_DIVERSION) || p.isEnabled(Door.PROSECUTOR);
                default -> false;
            };
        }

        /** The doors a criterion applies to when the file names none (as the builder defaults them). */
        private static Set<Door> defaultDoors(ExclusionKind kind) {
            if (kind == ExclusionKind.RESTITUTION_OFFENCE) {
                return EnumSet.of(Door.ARREST_DIVERSION);
            }
            if (kind == ExclusionKind.NOT_LEAD_ELIGIBLE_OFFENCE) {
                return EnumSet.of(Door.ARREST_DIVERSION, Door.PROSECUTOR);
            }
            return EnumSet.allOf(Door.class);
        }

        private static Val val(Object value, Object fallback) {
            return new Val(String.valueOf(value), !value.equals(fallback));
        }

        private static Val opt(Optional<String> value) {
            return new Val(value.orElse(""), value.isPresent());
        }

        private static Val opt(OptionalInt value) {
            return value.isPresent() ? new Val(String.valueOf(value.getAsInt()), true) : new Val("", false);
        }

        private static Val list(java.util.Collection<?> values) {
            return new Val(join(values), !values.isEmpty());
        }

        private static String join(java.util.Collection<?> values) {
            var parts = new ArrayList<String>();
            values.forEach(v -> parts.add(String.valueOf(v)));
            return String.join(", ", parts);
        }

        /** Free text as the format can carry it: one line, no comment marker, no surrounding blanks. */
        private static String text(String key, String value) {
            boolean comment = value.startsWith("#") || Pattern.compile("\\s#").matcher(value).find();
            if (value.contains("\n") || value.contains("\r") || comment || !value.equals(value.strip())
                    || value.endsWith(DERIVED)) {
                throw new InvalidValueException(key, "cannot be written in a policy file: free text must be one line "
                        + "without a ' #' comment marker, surrounding blanks or a trailing " + DERIVED);
            }
            return value;
        }
    }
}
