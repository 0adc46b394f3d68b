/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import com.github.benmanes.caffeine.cache.Ticker;
import graphql.execution.instrumentation.Instrumentation;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.persistence.EvaluationReports;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.PersistentProgramme;
import org.leaddiversion.persistence.ResearchExtracts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Spring Boot auto-configuration of the LEAD GraphQL API: add {@code lead-graphql} to a Spring Boot application and
 * {@code /graphql} serves the library's schema (and any of the application's own in {@code graphql/}), on the
 * application's {@code DataSource} (migrated
 * on start). Declare an {@link ActorResolver} bean to map your authentication to viewers; every other bean here
 * ({@code Clock}, {@code IdGenerator}, {@code CaseloadCapacity}, {@code LeadDatabase}) can be replaced by your own.
 *
 * <p>Start-up fails if any schema field is not mapped to a controller (schema-mapping inspection).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(LeadGraphQlProperties.class)
@Import({RulesController.class, ParticipantController.class, ReferralController.class, CoordinationController.class,
        EnrollmentController.class, CaseManagementController.class, ConsentController.class,
        ParticipantListController.class, SiteController.class, EvaluationController.class,
        EquityMeasuresController.class, ResearchExtractEndpoint.class, ProgrammeMeasuresController.class})
public class LeadGraphQlAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LeadGraphQlAutoConfiguration.class);

    /** The time the domain runs on: the system clock in UTC unless the host declares its own. */
    @Bean
    @ConditionalOnMissingBean
    Clock leadClock() {
        return Clock.systemUTC();
    }

    /** Random ids for new aggregates unless the host declares its own generator. */
    @Bean
    @ConditionalOnMissingBean
    IdGenerator leadIdGenerator() {
        return UUID::randomUUID;
    }

    /** No capacity gate unless the host declares the capacity of its sites. */
    @Bean
    @ConditionalOnMissingBean
    CaseloadCapacity leadCaseloadCapacity() {
        return CaseloadCapacity.notTracked();
    }

    /** The library's database on the application's {@code DataSource}, migrated now; the pool stays the host's. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    LeadDatabase leadDatabase(DataSource dataSource) {
        return LeadDatabase.on(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    PersistentProgramme leadProgramme(LeadDatabase db, Clock clock, IdGenerator ids, CaseloadCapacity capacity) {
        return db.programme(clock, ids, capacity);
    }

    @Bean
    @ConditionalOnMissingBean
    ParticipantRecords leadParticipantRecords(PersistentProgramme programme) {
        return programme.records();
    }

    /** The evaluation's aggregate reports, computed by the database. */
    @Bean
    @ConditionalOnMissingBean
    EvaluationReports leadEvaluationReports(LeadDatabase db) {
        return db.evaluationReports();
    }

    /** The evaluator's research extract, granted by the access policy and audited. */
    @Bean
    @ConditionalOnMissingBean
    ResearchExtracts leadResearchExtracts(LeadDatabase db, Clock clock) {
        return db.researchExtracts(clock);
    }

    /** Without a host resolver every request is anonymous: no participant data, no mutation. */
    @Bean
    @ConditionalOnMissingBean
    ActorResolver leadAnonymousActorResolver() {
        LOG.warn("No ActorResolver bean: every GraphQL request is anonymous and reads no participant data");
        return request -> java.util.Optional.empty();
    }

    @Bean
    Viewers leadViewers(ActorResolver resolver) {
        return new Viewers(resolver);
    }

    /** Input values the schema refuses before execution become BAD_REQUESTs naming the field. */
    @Bean
    InputErrors leadInputErrors(ObjectProvider<GraphQlSource> source) {
        return new InputErrors(() -> source.getObject().schema());
    }

    @Bean
    QueryLimits leadQueryLimits(LeadGraphQlProperties properties) {
        return new QueryLimits(properties.sizeLimit());
    }

    @Bean
    ErrorClassifier leadErrorClassifier() {
        return new ErrorClassifier();
    }

    /**
     * Refuses, before execution, a query nested deeper than {@code lead.graphql.max-depth} or selecting more fields than
     * {@code lead.graphql.max-complexity} ({@code QUERY_TOO_LARGE}).
     */
    @Bean
    Instrumentation leadQueryShapeLimits(LeadGraphQlProperties properties) {
        return new QueryShapeLimits(properties.depthLimit(), properties.complexityLimit());
    }

    /**
     * The site policies as this node serves them: cached per site for {@code lead.graphql.policy-cache-ttl}, dropped
     * on every version published through the API on this node.
     */
    @Bean
    PolicyCache leadPolicyCache(PersistentProgramme programme, LeadGraphQlProperties properties) {
        return new PolicyCache(programme.policies(), properties.policyCacheTimeToLive(), Ticker.systemTicker());
    }

    @Bean
    ParticipantLoaders leadParticipantLoaders(ParticipantRecords records, BatchLoaderRegistry registry) {
        return new ParticipantLoaders(records, registry);
    }

    /** The fields a page repeats for every participant on it, as plain fetchers. */
    @Bean
    RuntimeWiringConfigurer leadParticipantFields() {
        return new ParticipantFields();
    }

    @Bean
    RuntimeWiringConfigurer leadScalars() {
        return wiring -> wiring.scalar(Scalars.DATE_TIME).scalar(Scalars.DATE).scalar(Scalars.LONG);
    }

    @Bean
    ParsedDocuments leadParsedDocuments(LeadGraphQlProperties properties) {
        return new ParsedDocuments(properties.documentCacheEntries());
    }

    /**
     * The library's schema files, found wherever the application is packaged. Spring Boot looks for schema files under
     * {@code spring.graphql.schema.locations} (by default {@code classpath:graphql/**}{@code /}), which searches only
     * the first class-path root holding a {@code graphql/} folder: in a Boot fat jar that is graphql-java's own package,
     * and the API would start without its schema. The files of this jar that those locations do not already give are
     * added here, so an application gets the schema whether it runs from a fat jar, an exploded build or an IDE, and
     * its own schema files in {@code graphql/} still load.
     */
    @Bean
    GraphQlSourceBuilderCustomizer leadSchemaFiles(GraphQlProperties graphQl, ResourceLoader loader) {
        return builder -> builder.schemaResources(LeadSchemaFiles.missing(
                java.util.List.of(graphQl.getSchema().getLocations()),
                java.util.List.of(graphQl.getSchema().getFileExtensions()), ResourcePatternUtils.getResourcePatternResolver(loader))
                .toArray(Resource[]::new));
    }

    /**
     * Fails start-up on any unmapped schema field, switches introspection ({@code lead.graphql.introspection}, else
     * off under a {@code production} or {@code prod} profile, else on), and caches parsed documents.
     */
    @Bean
    GraphQlSourceBuilderCustomizer leadSchemaChecks(LeadGraphQlProperties properties, Environment environment,
                                                    ParsedDocuments parsedDocuments) {
        boolean introspection = properties.introspection() != null ? properties.introspection()
                : !environment.acceptsProfiles(Profiles.of("production", "prod"));
        return builder -> {
            if (properties.documentCacheEntries() > 0) {
                builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(parsedDocuments));
            }
            builder.inspectSchemaMappings(report -> {
                var unmapped = report.unmappedFields().stream()
                        .filter(f -> !SchemaTypes.served(f.getTypeName(), f.getFieldName())).toList();
                if (!unmapped.isEmpty()) {
                    throw new IllegalStateException("GraphQL schema fields without a data fetcher: " + unmapped);
                }
            });
            if (!introspection) {
                builder.configureRuntimeWiring(wiring -> wiring.fieldVisibility(IntrospectionHidden.FIELDS));
            }
        };
    }
}
