/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.consent.ReportAccess;
import org.leaddiversion.persistence.Release;
import org.leaddiversion.persistence.ResearchExtracts;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The evaluator's research extract over HTTP: {@code GET /lead/research-extract.csv?site=…&from=…&to=…} ({@code from}
 * and {@code to} days in the site's zone, both included) answers {@code text/csv} as a download, streamed from the
 * database ({@link ResearchExtracts}). The viewer is resolved by the host's {@link ActorResolver}, given the GET
 * request's URI, headers, cookies and attributes (with a placeholder document); the domain's {@link ReportAccess}
 * decides, and every request with a viewer is audited. Errors come back as JSON in the GraphQL error shape:
 * {@code 400} {@code BAD_REQUEST} naming the parameter, {@code 403} {@code FORBIDDEN} with the domain's code, rule and
 * field for a refused viewer or none.
 */
@RestController
class ResearchExtractEndpoint {

    /** The endpoint's path. */
    static final String PATH = "/lead/research-extract.csv";

    private final ActorResolver resolver;
    private final PolicyCache policies;
    private final ResearchExtracts extracts;
    private final ReportAccess access = new ReportAccess();

    ResearchExtractEndpoint(ActorResolver resolver, PolicyCache policies, ResearchExtracts extracts) {
        this.resolver = resolver;
        this.policies = policies;
        this.extracts = extracts;
    }

    @GetMapping(PATH)
    ResponseEntity<StreamingResponseBody> extract(@RequestParam(required = false) String site,
                              @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to, HttpServletRequest request) {
        Optional<Viewer> viewer;
        ReportInputs.Scope in;
        try {
            viewer = resolver.resolve(graphQlRequest(request));
            if (viewer.isEmpty()) {
                throw new Refused(HttpStatus.FORBIDDEN, "FORBIDDEN", "this needs an authenticated actor", Map.of());
            }
            in = ReportInputs.scope(policies, site, date(from, "from"), date(to, "to"));
        } catch (InvalidValueException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage(), Map.of("field", e.field()));
        }
        var reader = viewer.get().reader();
        boolean granted = access.researchExtract(reader.actor(), reader.purpose()).values().stream()
                .allMatch(d -> d.isAllowed());
        if (!granted) {
            // audits the refusal; nothing is written
            Release<Long> refused = extracts.write(reader, in.scope(), Writer.nullWriter());
            DomainError why = refused.refusals().get(0);
            throw new Refused(HttpStatus.FORBIDDEN, "FORBIDDEN", why.message(), Map.of("code", why.code().name(),
                    "field", why.field(), "rule", why.rule().name()));
        }
        String name = "research-extract-" + in.scope().site().value() + "-" + in.scope().period().start() + "-"
                + in.scope().period().lastDay() + ".csv";
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            extracts.write(reader, in.scope(), writer);
            writer.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /** The GET request as the host's resolver knows requests: its URI, headers, cookies and attributes. */
    private static WebGraphQlRequest graphQlRequest(HttpServletRequest request) {
        ServletServerHttpRequest http = new ServletServerHttpRequest(request);
        URI uri = http.getURI();
        Map<String, Object> attributes = new LinkedHashMap<>();
        request.getAttributeNames().asIterator().forEachRemaining(n -> attributes.put(n, request.getAttribute(n)));
        return new WebGraphQlRequest(uri, http.getHeaders(), null, attributes,
                Map.of("query", "{ __typename }"), "research-extract", request.getLocale());
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(Commands.required(value, field).trim());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "is not a Date (ISO-8601, e.g. 2026-01-12)");
        }
    }

    /** A request refused before anything is written, answered as JSON in the GraphQL error shape. */
    @ExceptionHandler(Refused.class)
    ResponseEntity<Map<String, Object>> refused(Refused refused) {
        Map<String, Object> ext = new LinkedHashMap<>(refused.extensions);
        ext.put("classification", refused.classification);
        List<Map<String, Object>> errors = new ArrayList<>();
        errors.add(Map.of("message", refused.getMessage(), "extensions", ext));
        return ResponseEntity.status(refused.status).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Map.of("errors", errors));
    }

    /** Why a request is refused: the HTTP status, the error's classification and extensions. */
    static final class Refused extends RuntimeException {
        private final transient HttpStatus status;
        private final String classification;
        private final transient Map<String, String> extensions;

        Refused(HttpStatus status, String classification, String message, Map<String, String> extensions) {
            super(message, null, false, false);
            this.status = status;
            this.classification = classification;
            this.extensions = extensions;
        }
    }
}
